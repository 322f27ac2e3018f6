import type { FieldType } from "./field-type";
import { trimmedTextType } from "./trimmed-text";

export const cityType: FieldType = trimmedTextType("city");
