// The frame of the signed-out account pages, the same card as the sign-in page.
import Link from "next/link";

export function AccountCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="mx-auto mt-24 max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="mb-1 text-2xl font-semibold">{title}</h1>
      {children}
    </main>
  );
}

export function AccountIntro({ children }: { children: React.ReactNode }) {
  return <p className="mb-6 text-sm text-slate-600">{children}</p>;
}

/** What every used, expired, revoked or unknown setup, invitation or reset link shows, with a 404. */
export function LinkGone({ askWhom }: { askWhom: string }) {
  return (
    <main className="mx-auto mt-24 max-w-md px-4 text-center">
      <h1 className="text-2xl font-semibold">This link has expired or was already used</h1>
      <p className="mt-2 text-slate-600">{askWhom}</p>
      <Link href="/login" className="mt-4 inline-block text-blue-800 hover:underline">
        Go to sign-in
      </Link>
    </main>
  );
}
