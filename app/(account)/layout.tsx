import Link from "next/link";
import { NavLink } from "@/app/_components/nav-link";
import { logoutAction } from "@/app/login/actions";
import { requireHolder } from "@/lib/auth/session";

// Every account-holder page sits behind this layout: no session, no page.
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const holder = await requireHolder();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="bg-blue-900 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            Leadport
          </Link>
          <nav aria-label="Main" className="flex flex-1 flex-wrap gap-1">
            <NavLink href="/flows">Flows</NavLink>
            <NavLink href="/sources">Sources</NavLink>
            <NavLink href="/imports">Imports</NavLink>
            <NavLink href="/leads">Leads</NavLink>
            <NavLink href="/reports">Reports</NavLink>
            <NavLink href="/settings">Settings</NavLink>
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <span>
              <span className="sr-only">Signed in as </span>
              {holder.email} · {holder.accountName}
            </span>
            <form action={logoutAction}>
              <button type="submit" className="rounded border border-blue-300 px-3 py-1 hover:bg-blue-800">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
