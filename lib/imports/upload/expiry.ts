// How long an unfinished resumable upload can be continued: tus's Upload-Expires, 410 Gone after
// it, and the maintenance job deletes it (lib/maintenance/prune.ts). A day covers a reload, a
// laptop closed overnight or a train ride; the pieces of an abandoned upload do not linger.
export const UPLOAD_EXPIRY_HOURS = 24;
export const UPLOAD_EXPIRY_MS = UPLOAD_EXPIRY_HOURS * 60 * 60 * 1000;
