import type { TypeName } from "../../model";

// One input of the agreement corpus: what LeadConduit's documented behaviour makes of it (valid,
// normal). Where Leadport deliberately reads it otherwise, `differs` names the difference, as
// listed in docs/field-types.md; the row then holds Leadport's result.
export type CorpusRow = readonly [input: string, valid: boolean, normal: string | number | boolean | null, differs?: string];
export type CorpusTable = Partial<Record<TypeName, readonly CorpusRow[]>>;
