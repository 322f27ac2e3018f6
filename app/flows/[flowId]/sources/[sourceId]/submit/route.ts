// The real-time lead API, LeadConduit-compatible (docs/api.md); all of it lives in lib/intake.
// In production `npm start` answers this URL before Next (lib/http-server), with the same serveSubmit.
import { apiRequestOf, responseOf } from "@/lib/intake/api-http";
import { serveSubmit } from "@/lib/intake/submit-route";

type Context = { params: Promise<{ flowId: string; sourceId: string }> };

const submit = async (request: Request, { params }: Context) => responseOf(await serveSubmit(apiRequestOf(request), await params));

export { submit as GET, submit as POST, submit as PUT, submit as PATCH, submit as DELETE, submit as HEAD, submit as OPTIONS };
