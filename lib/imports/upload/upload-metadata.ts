// What a resumable upload says about itself in tus's Upload-Metadata header: the file's name, the
// flow and source to import into (both, or neither for a file whose rows name their own), and the
// reading settings a one-request upload takes as query parameters. Checked, not yet authorized:
// lib/imports/access.ts decides whether the caller may import there.
import { z } from "zod";
import { isId } from "@/lib/ids";

export type UploadMetadata = Record<string, string | null> | undefined;

export type ReadMetadata =
  | { status: "ok"; fileName: string; target: { flowId: string; sourceId: string } | null; settings: Record<string, string> }
  | { status: "invalid"; message: string };

const SETTING_KEYS = ["header", "delimiter", "encoding", "sheet"] as const;
const MAX_FILE_NAME = 255;

const idValue = (name: string) => z.string().refine(isId, `${name} must be a Leadport id (24 hex characters)`).optional();
const metadataSchema = z.object({ filename: z.string().optional(), flowId: idValue("flowId"), sourceId: idValue("sourceId") });

export function readUploadMetadata(metadata: UploadMetadata): ReadMetadata {
  // tus sends a key with no value as null; an empty value means the same to us: not given.
  const given = Object.fromEntries(Object.entries(metadata ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
  const parsed = metadataSchema.safeParse(given);
  if (!parsed.success) return { status: "invalid", message: `Upload-Metadata: ${parsed.error.issues[0]!.message}.` };
  const { filename = "", flowId, sourceId } = parsed.data;
  if ((flowId === undefined) !== (sourceId === undefined)) return { status: "invalid", message: "Upload-Metadata must carry both flowId and sourceId, or neither." };
  const settings = Object.fromEntries(SETTING_KEYS.flatMap((key) => (given[key] === undefined ? [] : [[key, given[key]]])));
  return { status: "ok", fileName: filename.slice(0, MAX_FILE_NAME), target: flowId && sourceId ? { flowId, sourceId } : null, settings };
}
