import { getReadiness } from "@/lib/health/queries";
import { isShuttingDown } from "@/lib/shutdown";

// Readiness: 200 when the database answers and migrations are applied, else 503; 503 as well once
// the process is shutting down, so a load balancer stops sending it new requests.
export const dynamic = "force-dynamic";

export async function GET() {
  if (isShuttingDown()) return Response.json({ status: "shutting down" }, { status: 503 });
  const readiness = await getReadiness();
  return Response.json({ status: readiness.ready ? "ready" : "not ready", ...readiness }, { status: readiness.ready ? 200 : 503 });
}
