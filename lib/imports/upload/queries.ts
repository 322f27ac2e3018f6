import "server-only";
import type { Database } from "@/db/client";
import { runStatement } from "@/db/transaction";
import { vacuumSoon } from "@/lib/maintenance/vacuum";
import type { ImportAccess, ImportTarget } from "../store";

// The uploads and upload_pieces tables. Every write that moves an upload's offset is one statement
// that also checks the offset it starts from, so two processes given chunks of one upload (a client
// that reconnected to another process while its old request still ran) can never both write at the
// same place: the second finds the offset moved and gets a conflict, as tus asks (409).

type Query = <T>(text: string, params?: unknown[]) => Promise<{ rows: T[] }>;

export type UploadState = {
  id: string;
  accountId: string;
  flowId: string | null;
  sourceId: string | null;
  startedBy: string | null;
  length: number | null;
  offset: number;
  metadata: Record<string, string | null>;
  importId: string | null;
  error: string | null;
  createdAt: Date;
};

const COLUMNS = `id, account_id as "accountId", flow_id as "flowId", source_id as "sourceId", started_by as "startedBy",
  upload_length as "length", upload_offset as "offset", metadata, import_id as "importId", error, created_at as "createdAt"`;

const query = (database: Database): Query => (text, params) => runStatement(database, text, params);

function stateOf(row: UploadState): UploadState {
  // bigint columns arrive as strings from node-postgres; an upload is at most IMPORT_MAX_BYTES.
  return { ...row, length: row.length === null ? null : Number(row.length), offset: Number(row.offset), createdAt: new Date(row.createdAt) };
}

export async function insertUploadIn(run: Query, values: ImportTarget & { id: string; length: number | null; metadata: Record<string, string | null> }): Promise<void> {
  await run("insert into uploads (id, account_id, flow_id, source_id, started_by, upload_length, metadata) values ($1, $2, $3, $4, $5, $6, $7)", [
    values.id,
    values.accountId,
    values.flowId,
    values.sourceId,
    values.startedBy ?? null,
    values.length,
    JSON.stringify(values.metadata),
  ]);
}

/** The upload if this caller may reach it: the account's, and for a source only its own. */
export async function getUploadFor(database: Database, access: ImportAccess, id: string): Promise<UploadState | null> {
  const { rows } = await query(database)<UploadState>(`select ${COLUMNS} from uploads where id = $1 and account_id = $2 and ($3::text is null or source_id = $3)`, [
    id,
    access.accountId,
    access.sourceId ?? null,
  ]);
  return rows[0] ? stateOf(rows[0]) : null;
}

/** Stores one piece at `start` and moves the offset past it, only if the offset is still `start`. */
export async function appendPiece(database: Database, id: string, start: number, bytes: Uint8Array): Promise<boolean> {
  const { rows } = await query(database)<{ upload_id: string }>(
    `with moved as (
       update uploads set upload_offset = $2::bigint + $4::bigint, updated_at = now()
       where id = $1 and upload_offset = $2 and import_id is null and staging_at is null
         and (upload_length is null or $2::bigint + $4::bigint <= upload_length)
       returning id)
     insert into upload_pieces (upload_id, start, bytes) select id, $2, $3 from moved returning upload_id`,
    [id, start, bytes, bytes.byteLength],
  );
  return rows.length === 1;
}

export async function declareLength(database: Database, id: string, length: number): Promise<boolean> {
  const { rows } = await query(database)("update uploads set upload_length = $2, updated_at = now() where id = $1 and upload_length is null and upload_offset <= $2 returning id", [id, length]);
  return rows.length === 1;
}

export async function deleteUpload(database: Database, id: string): Promise<void> {
  await query(database)("delete from uploads where id = $1", [id]);
}

/** The upload's bytes in order, a piece at a time. */
export async function* readPieces(database: Database, id: string): AsyncGenerator<Uint8Array> {
  for (let start = 0; ; ) {
    const { rows } = await query(database)<{ bytes: Uint8Array }>("select bytes from upload_pieces where upload_id = $1 and start = $2", [id, start]);
    const piece = rows[0]?.bytes;
    if (!piece) return;
    start += piece.byteLength;
    yield piece;
  }
}

/** A staging that has not finished in this long died with its process: another may take it over. */
const STAGING_GIVEN_UP = "10 minutes";

/** Takes the finished upload for staging, unless it is staged, refused, or another process is at it. */
export async function claimStaging(database: Database, id: string): Promise<UploadState | null> {
  const { rows } = await query(database)<UploadState>(
    `update uploads set staging_at = now(), updated_at = now()
     where id = $1 and upload_length = upload_offset and import_id is null and error is null
       and (staging_at is null or staging_at < now() - interval '${STAGING_GIVEN_UP}')
     returning ${COLUMNS}`,
    [id],
  );
  return rows[0] ? stateOf(rows[0]) : null;
}

/** What staging made of the upload: its import, or why not. The pieces are no longer needed. */
export async function recordStaging(database: Database, id: string, outcome: { importId: string } | { error: string }): Promise<void> {
  const importId = "importId" in outcome ? outcome.importId : null;
  const error = "error" in outcome ? outcome.error : null;
  await query(database)("update uploads set import_id = $2, error = $3, staging_at = null, updated_at = now() where id = $1", [id, importId, error]);
  await query(database)("delete from upload_pieces where upload_id = $1", [id]);
  // Else their space is never reused on PGlite, which has no autovacuum.
  void vacuumSoon(database.db, ["upload_pieces"]);
}

/** Staging failed unexpectedly: let the next request try again. */
export async function releaseStaging(database: Database, id: string): Promise<void> {
  await query(database)("update uploads set staging_at = null where id = $1", [id]);
}
