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
