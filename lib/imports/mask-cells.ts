// Values from the file as the wizard shows them: a cell of a column mapped to a masked field type
// (ssn, credential, dob) is shown masked, as the lead will be stored, never as uploaded.
import type { TypeName } from "@/lib/flow/model";
import { fieldTypes, maskValue } from "@/lib/flow/types";

const isTypeName = (type: string): type is TypeName => Object.hasOwn(fieldTypes, type);

export function isMaskedType(type: string | undefined): boolean {
  return type !== undefined && isTypeName(type) && fieldTypes[type].mask !== undefined;
}

export function maskCell(type: string | undefined, raw: string): string {
  if (raw === "" || type === undefined || !isTypeName(type) || !isMaskedType(type)) return raw;
  return maskValue(type, fieldTypes[type].parse(raw)).raw;
}

/** Field id -> type, for the columns and problems of one import. */
export type FieldTypes = ReadonlyMap<string, string>;

/** A row's cells with each column masked by the type of the field it is mapped to. */
export function maskRow(cells: string[], columnFields: ReadonlyArray<string | null>, types: FieldTypes): string[] {
  return cells.map((cell, column) => {
    const fieldId = columnFields[column];
    return fieldId ? maskCell(types.get(fieldId), cell) : cell;
  });
}

/** A problem's value ("a@b.co, 5125550100" for "email, phone_1"): hidden whole when any of its fields is masked. */
export function maskProblemValue(field: string | null, value: string, types: FieldTypes): string {
  if (field === null || value === "") return value;
  return field.split(", ").some((id) => isMaskedType(types.get(id))) ? "•••" : value;
}
