import { getReadiness } from "@/lib/health/queries";

// Readiness: 200 when the database answers and migrations are applied, else 503.
export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await getReadiness();
  return Response.json({ status: readiness.ready ? "ready" : "not ready", ...readiness }, { status: readiness.ready ? 200 : 503 });
}
