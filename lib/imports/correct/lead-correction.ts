// What a lead from a corrected row carries into the flow module (LeadInput.correction): the file's
// own values, which the lead keeps as its raw data, and the timeline's note of who corrected what.
import type { LeadInput } from "@/lib/flow/flow-context";
import type { Mapping } from "../settings";
import type { StoredRow } from "../stage/staged-rows";
import { leadData } from "../validate/row-check";

export function correctionOf(mapping: Mapping, row: StoredRow): LeadInput["correction"] {
  if (!row.corrected) return undefined;
  const columns = Object.keys(row.corrected.corrections)
    .map(Number)
    .sort((a, b) => a - b)
    .map((column) => mapping.find((m) => m.column === column)?.fieldId ?? `column ${column + 1}`);
  return { fileData: leadData(mapping, row.corrected.fileFields), note: `Corrected before import by ${row.corrected.by || "someone"}: ${columns.join(", ")}` };
}
