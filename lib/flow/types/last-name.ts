import type { FieldType } from "./field-type";
import { trimmedTextType } from "./trimmed-text";

export const lastNameType: FieldType = trimmedTextType("last_name");
