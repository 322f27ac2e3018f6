// Resumable uploads (tus 1.0.0, docs/api.md "Resumable uploads"): POST creates an upload, HEAD says
// how much has arrived, PATCH sends the next chunk, DELETE gives it up. A whole upload becomes an
// import, as a one-request POST of the file would.
import { serveUpload } from "@/lib/imports/upload/serve";

export const POST = (request: Request) => serveUpload(request);
export const HEAD = (request: Request) => serveUpload(request);
export const PATCH = (request: Request) => serveUpload(request);
export const DELETE = (request: Request) => serveUpload(request);
export const OPTIONS = (request: Request) => serveUpload(request);
