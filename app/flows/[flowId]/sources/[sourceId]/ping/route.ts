// LeadConduit's ping: the price a lead would get, before it is sent (docs/api.md); all of it lives in
// lib/intake. In production `npm start` answers this URL before Next (lib/http-server), with the same servePing.
import { apiRequestOf, responseOf } from "@/lib/intake/api-http";
import { servePing } from "@/lib/intake/submit-route";

type Context = { params: Promise<{ flowId: string; sourceId: string }> };

const ping = async (request: Request, { params }: Context) => responseOf(await servePing(apiRequestOf(request), await params));

export { ping as GET, ping as POST, ping as PUT, ping as PATCH, ping as DELETE, ping as HEAD, ping as OPTIONS };
