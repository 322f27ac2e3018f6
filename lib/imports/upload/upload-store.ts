import "server-only";
import type { Readable } from "node:stream";
import { DataStore, ERRORS, Upload } from "@tus/server";
import type { Database } from "@/db/client";
import { rechunk } from "../read/byte-stream";
import type { UploadLimits } from "../stage/upload-limits";
import type { ImportAccess, ImportTarget } from "../store";
import { UPLOAD_EXPIRY_MS } from "./expiry";
import { appendPiece, declareLength, deleteUpload, getUploadFor, type UploadState } from "./queries";
import { admitUpload } from "./upload-limits";

// @tus/server's storage, in PostgreSQL (or PGlite) instead of on a disk: any app process can take
// an upload's next chunk. One store is made per request, for the caller it was authorized as: an
// upload outside the caller's access is "not found", as an import is.

/** A tus error answer; the body is JSON like the import API's errors. */
export const tusError = (status: number, message: string) => ({ status_code: status, body: JSON.stringify({ error: message }) });

/** Pieces of about 1 MB, as import_files has: few rows, and little lost if a process dies mid-chunk. */
const PIECE_BYTES = 1024 * 1024;

export type StoreOptions = {
  database: Database;
  access: ImportAccess;
  limits: UploadLimits & { maxBytes: number };
  /** Who a new upload belongs to, from its metadata, once the caller may import there; throws a tusError otherwise. */
  targetOf(upload: Upload): Promise<ImportTarget>;
};

export class DatabaseUploadStore extends DataStore {
  /** The upload this request last read: the route adds what became of it to the answer. */
  seen: UploadState | null = null;

  constructor(private readonly options: StoreOptions) {
    super();
    this.extensions = ["creation", "creation-with-upload", "creation-defer-length", "termination", "expiration"];
  }

  override async create(upload: Upload): Promise<Upload> {
    const target = await this.options.targetOf(upload);
    const length = upload.size ?? null;
    const refused = await admitUpload(this.options.database, { id: upload.id, target, length, metadata: upload.metadata ?? {} }, this.options.limits);
    if (refused) throw { ...tusError(refused.httpStatus, refused.message), retryAfter: refused.retryAfter };
    return upload;
  }

  override async getUpload(id: string): Promise<Upload> {
    const state = await getUploadFor(this.options.database, this.options.access, id);
    if (!state) throw ERRORS.FILE_NOT_FOUND;
    this.seen = state;
    return new Upload({ id, size: state.length ?? undefined, offset: state.offset, metadata: state.metadata, creation_date: state.createdAt.toISOString() });
  }

  /**
   * Each piece is committed with the offset it moves to, as it arrives: a connection cut mid-chunk
   * keeps every piece before the cut, and the offset says where the client resumes.
   */
  override async write(stream: Readable, id: string, offset: number): Promise<number> {
    let at = offset;
    for await (const piece of rechunk(stream, PIECE_BYTES)) {
      if (!(await appendPiece(this.options.database, id, at, piece))) throw ERRORS.INVALID_OFFSET;
      at += piece.byteLength;
    }
    return at;
  }

  override async declareUploadLength(id: string, length: number): Promise<void> {
    if (length > this.options.limits.maxBytes) throw ERRORS.ERR_MAX_SIZE_EXCEEDED;
    if (!(await declareLength(this.options.database, id, length))) throw ERRORS.INVALID_LENGTH;
  }

  override async remove(id: string): Promise<void> {
    // tus's DELETE calls remove without reading the upload first: the access check is here.
    if (!(await getUploadFor(this.options.database, this.options.access, id))) throw ERRORS.FILE_NOT_FOUND;
    await deleteUpload(this.options.database, id);
  }

  override getExpiration(): number {
    return UPLOAD_EXPIRY_MS;
  }
}
