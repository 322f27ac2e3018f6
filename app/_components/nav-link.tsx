"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const active = href === "/" ? pathname === "/" : pathname.startsWith(href);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded px-3 py-2 text-sm font-medium ${active ? "bg-blue-800 text-white" : "text-blue-50 hover:bg-blue-800/60"}`}
    >
      {children}
    </Link>
  );
}

// Tabs inside a page (a flow's Editor, Sources, Test, History): current only on an exact match.
export function TabLink({ href, children }: { href: string; children: React.ReactNode }) {
  const active = usePathname() === href;
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-blue-700 text-blue-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"}`}
    >
      {children}
    </Link>
  );
}
