// What a person (or script) chooses about an import, parsed with zod at every boundary.
import { z } from "zod";
import { importStatusEnum } from "@/db/schema";
import type { Delimiter } from "./read/detect-dialect";
import type { TextEncoding } from "./read/detect-encoding";

export const ENCODINGS = ["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"] as const satisfies readonly TextEncoding[];
export const DELIMITERS = [",", ";", "\t", "|"] as const satisfies readonly Delimiter[];

export const readSettingsSchema = z.object({
  encoding: z.enum(ENCODINGS),
  delimiter: z.enum(DELIMITERS),
  header: z.boolean(),
  // A workbook (.xlsx): its sheet in place of encoding and delimiter, which it leaves at their
  // defaults. Absent on CSV imports, so settings stored before workbooks read as CSV.
  format: z.enum(["csv", "xlsx"]).optional(),
  sheet: z.string().optional(),
  /** A workbook's sheets in tab order, on `detected`: what the wizard offers. */
  sheets: z.array(z.string()).optional(),
});
/** How the file's bytes are read: the three things the wizard shows with an override (a sheet for a workbook). */
export type ReadSettings = z.infer<typeof readSettingsSchema>;

/** Stored on the import: the settings in use and what was detected, so the wizard can show both. */
export const storedSettingsSchema = readSettingsSchema.extend({ detected: readSettingsSchema });
export type StoredSettings = z.infer<typeof storedSettingsSchema>;

// Query strings and forms spell these loosely: "tab", "semicolon", "%09", "false", "0".
const DELIMITER_NAMES: Record<string, Delimiter> = {
  ",": ",", comma: ",", ";": ";", semicolon: ";", "\t": "\t", tab: "\t", "\\t": "\t", "|": "|", pipe: "|",
};
const ENCODING_NAMES: Record<string, TextEncoding> = {
  "utf-8": "utf-8", utf8: "utf-8", "utf-8-bom": "utf-8-bom", "utf-16le": "utf-16le", "utf-16be": "utf-16be",
  "windows-1252": "windows-1252", cp1252: "windows-1252", "iso-8859-1": "windows-1252", latin1: "windows-1252",
};

const delimiterInput = z
  .string()
  .transform((value, ctx) => DELIMITER_NAMES[value.toLowerCase()] ?? DELIMITER_NAMES[value] ?? invalid(ctx, "delimiter must be comma, semicolon, tab or pipe"));
const encodingInput = z
  .string()
  .transform((value, ctx) => ENCODING_NAMES[value.trim().toLowerCase()] ?? invalid(ctx, `encoding must be one of ${ENCODINGS.join(", ")}`));
const booleanInput = z.union([
  z.boolean(),
  z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes"),
]);

function invalid(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

/** Overrides from a query string or JSON body; anything left out keeps the detected value. */
export const settingsOverrideSchema = z.object({
  encoding: encodingInput.optional(),
  delimiter: delimiterInput.optional(),
  header: booleanInput.optional(),
  sheet: z.string().trim().min(1, "sheet must name one of the workbook's sheets").max(100).optional(),
});
export type SettingsOverride = z.infer<typeof settingsOverrideSchema>;

export const importModeSchema = z.enum(["all", "valid"]);
/** "all": invalid rows go through the flow and fail with their reason. "valid": they are reported, not imported. */
export type ImportMode = z.infer<typeof importModeSchema>;

export const importStatusSchema = z.enum(importStatusEnum.enumValues);
export type ImportStatus = z.infer<typeof importStatusSchema>;

/** Field ids a column can fill besides the flow's fields: the per-row flow and source of multi-flow files. */
export const ROUTING_FIELDS = { flow: "__flow_id", source: "__source_id" } as const;

/** One column's choice: a field id, or null to leave the column out. */
export const mappingSchema = z
  .array(z.object({ column: z.number().int().min(0), fieldId: z.string().min(1).nullable() }))
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    for (const { fieldId } of entries) {
      if (fieldId === null) continue;
      if (seen.has(fieldId)) ctx.addIssue({ code: "custom", message: `${fieldId} is mapped from more than one column` });
      seen.add(fieldId);
    }
  });
export type Mapping = z.infer<typeof mappingSchema>;

export type Notice = { line?: number; column?: number; message: string };
