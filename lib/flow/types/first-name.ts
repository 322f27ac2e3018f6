import type { FieldType } from "./field-type";
import { trimmedTextType } from "./trimmed-text";

export const firstNameType: FieldType = trimmedTextType("first_name");
