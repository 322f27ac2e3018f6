// What the flow and source editors offer, computed on the server so the field types' parsers (phone
// numbers, dates) never ship to the browser: operators per type and the standard field catalog.
import { STANDARD_FIELDS } from "@/lib/flow/catalog";
import { TYPE_NAMES, type FieldDef, type Operator, type TypeName } from "@/lib/flow/model";
import { fieldTypes } from "@/lib/flow/types";

export type EditorOptions = { operatorsByType: Record<TypeName, readonly Operator[]>; standardFields: readonly FieldDef[] };

export function editorOptions(): EditorOptions {
  const operatorsByType = Object.fromEntries(TYPE_NAMES.map((t) => [t, [...fieldTypes[t].operators]])) as Record<TypeName, Operator[]>;
  return { operatorsByType, standardFields: STANDARD_FIELDS };
}
