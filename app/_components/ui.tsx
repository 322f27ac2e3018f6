// Small presentational pieces shared by pages.
import Link from "next/link";

export function PageHeader({ title, description, actions }: { title: string; description?: string; actions?: React.ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      {actions && <div className="flex gap-2">{actions}</div>}
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children: React.ReactNode; action?: { href: string; label: string } }) {
  return (
    <section className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
      <h2 className="text-lg font-medium">{title}</h2>
      <div className="mx-auto mt-2 max-w-prose text-sm text-slate-600">{children}</div>
      {action && (
        <Link href={action.href} className="mt-4 inline-block rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">
          {action.label}
        </Link>
      )}
    </section>
  );
}

export function Card({ children, className = "", id, title }: { children: React.ReactNode; className?: string; id?: string; title?: string }) {
  return (
    <section id={id} aria-labelledby={title && id ? `${id}-title` : undefined} className={`rounded-lg border border-slate-200 bg-white p-5 shadow-sm ${className}`}>
      {title && (
        <h2 id={id ? `${id}-title` : undefined} className="text-lg font-semibold">
          {title}
        </h2>
      )}
      {children}
    </section>
  );
}

export function StatusBadge({ on, onLabel = "Enabled", offLabel = "Disabled" }: { on: boolean; onLabel?: string; offLabel?: string }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${on ? "bg-green-100 text-green-800" : "bg-slate-200 text-slate-700"}`}>
      {on ? onLabel : offLabel}
    </span>
  );
}

export const inputClass =
  "rounded border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-blue-600 aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50";
export const labelClass = "block text-xs font-medium uppercase tracking-wide text-slate-600";

const BUTTONS = {
  primary: "bg-blue-700 text-white hover:bg-blue-800 disabled:opacity-60",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 disabled:opacity-60",
  danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50 disabled:opacity-60",
  quiet: "text-blue-800 hover:bg-blue-50 disabled:opacity-60",
} as const;

export function buttonClass(variant: keyof typeof BUTTONS = "secondary", size: "sm" | "md" = "md"): string {
  const padding = size === "sm" ? "px-2 py-1 text-xs" : "px-3 py-1.5 text-sm";
  return `inline-flex items-center gap-1 rounded font-medium ${padding} ${BUTTONS[variant]}`;
}

// A message after an action: role=status for good news, role=alert for problems.
export function Notice({ tone, children }: { tone: "ok" | "error" | "info"; children: React.ReactNode }) {
  const styles = { ok: "border-green-300 bg-green-50 text-green-900", error: "border-red-300 bg-red-50 text-red-900", info: "border-blue-200 bg-blue-50 text-blue-900" };
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded border p-3 text-sm ${styles[tone]}`}>
      {children}
    </div>
  );
}

// A lead's or step's outcome as a coloured word (the word carries the meaning, the colour only helps).
const OUTCOME_STYLES: Record<string, string> = {
  success: "bg-green-100 text-green-800",
  failure: "bg-amber-100 text-amber-900",
  error: "bg-red-100 text-red-800",
  skip: "bg-slate-200 text-slate-700",
};

export function OutcomeBadge({ outcome }: { outcome: string }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${OUTCOME_STYLES[outcome] ?? OUTCOME_STYLES.skip}`}>{outcome}</span>;
}
