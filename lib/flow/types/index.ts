import type { NormalizedValue, TypeName } from "../model";
import type { FieldType } from "./field-type";
import { booleanType } from "./boolean";
import { cityType } from "./city";
import { credentialType } from "./credential";
import { dateType } from "./date";
import { dobType } from "./dob";
import { emailType } from "./email";
import { firstNameType } from "./first-name";
import { genderType } from "./gender";
import { ipType } from "./ip";
import { lastNameType } from "./last-name";
import { numberType } from "./number";
import { phoneType } from "./phone";
import { postalCodeType } from "./postal-code";
import { rangeType } from "./range";
import { ssnType } from "./ssn";
import { stateType } from "./state";
import { streetType } from "./street";
import { stringType } from "./string";
import { timeType } from "./time";
import { urlType } from "./url";

export type { FieldType } from "./field-type";

// Typed as a Record over TypeName so adding a type to the model fails here until it is built.
export const fieldTypes: Record<TypeName, FieldType> = {
  string: stringType,
  first_name: firstNameType,
  last_name: lastNameType,
  city: cityType,
  number: numberType,
  boolean: booleanType,
  range: rangeType,
  date: dateType,
  dob: dobType,
  time: timeType,
  phone: phoneType,
  email: emailType,
  postal_code: postalCodeType,
  state: stateType,
  gender: genderType,
  ssn: ssnType,
  street: streetType,
  url: urlType,
  ip: ipType,
  credential: credentialType,
};

export function getFieldType(name: TypeName): FieldType {
  return fieldTypes[name];
}

export function normalizeValue(type: TypeName, raw: string): NormalizedValue {
  return fieldTypes[type].parse(raw);
}

// Apply before a value is stored or shown; types with nothing secret return it unchanged.
export function maskValue(type: TypeName, value: NormalizedValue): NormalizedValue {
  const fieldType = fieldTypes[type];
  return fieldType.mask ? fieldType.mask(value) : value;
}
