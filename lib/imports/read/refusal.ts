// A file that cannot be imported, with the message a person can act on. Thrown only inside the
// streaming pipeline (the one way to stop it); the staging functions return it as a value.
export type RefusalStatus = 400 | 409 | 413 | 415 | 429;

export class ImportRefused extends Error {
  constructor(
    message: string,
    readonly httpStatus: RefusalStatus = 400,
  ) {
    super(message);
    this.name = "ImportRefused";
  }
}

/** retryAfter: seconds, sent as Retry-After (a 429). */
export type Refusal = { status: "refused"; httpStatus: RefusalStatus; message: string; retryAfter?: number };

export const refusal = (error: ImportRefused): Refusal => ({ status: "refused", httpStatus: error.httpStatus, message: error.message });

export function tooLargeMessage(maxBytes: number): string {
  return `The file is larger than the ${formatBytes(maxBytes)} limit. Split it into smaller files and import each one.`;
}

export function formatBytes(bytes: number): string {
  const gb = bytes / 1024 ** 3;
  if (gb >= 1) return `${Number(gb.toFixed(1))} GB`;
  const mb = bytes / 1024 ** 2;
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${bytes.toLocaleString("en-US")} bytes`;
}
