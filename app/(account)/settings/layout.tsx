import { TabLink } from "@/app/_components/nav-link";
import { can } from "@/lib/auth/roles";
import { requireHolder } from "@/lib/auth/session";

// Every settings page: a sub-navigation offering only the pages this role may open (each page checks again).
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const holder = await requireHolder();
  return (
    <>
      <nav aria-label="Settings" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200">
        <TabLink href="/settings">Account</TabLink>
        {can(holder.role, "people:manage") && <TabLink href="/settings/people">People</TabLink>}
        <TabLink href="/settings/me">Your account</TabLink>
        {can(holder.role, "audit:read") && <TabLink href="/settings/audit">Audit log</TabLink>}
      </nav>
      {children}
    </>
  );
}
