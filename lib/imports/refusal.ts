// A file that cannot be imported, with the message a person can act on. Thrown only inside the
// streaming pipeline (the one way to stop it); the staging functions return it as a value.
export type RefusalStatus = 400 | 413 | 415;

export class ImportRefused extends Error {
  constructor(
    message: string,
    readonly httpStatus: RefusalStatus = 400,
  ) {
    super(message);
    this.name = "ImportRefused";
  }
}

export type Refusal = { status: "refused"; httpStatus: RefusalStatus; message: string };

export const refusal = (error: ImportRefused): Refusal => ({ status: "refused", httpStatus: error.httpStatus, message: error.message });

export function tooLargeMessage(maxBytes: number): string {
  const mb = maxBytes / (1024 * 1024);
  const size = mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${maxBytes.toLocaleString("en-US")} bytes`;
  return `The file is larger than the ${size} limit. Split it into smaller files and import each one.`;
}
