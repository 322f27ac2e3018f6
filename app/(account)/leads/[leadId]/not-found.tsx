import Link from "next/link";
import { env } from "@/lib/env";
import { droppedLeadsSentence } from "@/lib/leads/retention";

// A lead id that finds no lead in this account (unknown, another account's, or dropped with its month
// by LEAD_RETENTION_DAYS): a 404 that says so.
export default function LeadNotFound() {
  const dropped = droppedLeadsSentence(env.LEAD_RETENTION_DAYS);
  return (
    <main className="mx-auto mt-24 max-w-md text-center">
      <h1 className="text-2xl font-semibold">Lead not found</h1>
      <p className="mt-2 text-slate-600">This lead does not exist, is no longer kept, or you do not have access to it.</p>
      {dropped && <p className="mt-2 text-slate-600">{dropped}</p>}
      <Link href="/leads" className="mt-4 inline-block text-blue-800 hover:underline">
        Back to leads
      </Link>
    </main>
  );
}
