// The agreement corpus: realistic inputs per type with LeadConduit's documented reading of each.
import { POSTAL_CODE_ROWS, STATE_ROWS, STREET_ROWS } from "./address";
import type { CorpusTable } from "./corpus-row";
import { DATE_ROWS, DOB_ROWS, TIME_ROWS } from "./dates";
import { EMAIL_ROWS } from "./email";
import { GENDER_ROWS, IP_ROWS, NAME_ROWS, SSN_ROWS, URL_ROWS } from "./identity";
import { BOOLEAN_ROWS, NUMBER_ROWS, RANGE_ROWS } from "./numbers";
import { PHONE_ROWS } from "./phone";

export type { CorpusRow, CorpusTable } from "./corpus-row";

export const AGREEMENT_CORPUS: CorpusTable = {
  phone: PHONE_ROWS,
  email: EMAIL_ROWS,
  postal_code: POSTAL_CODE_ROWS,
  state: STATE_ROWS,
  street: STREET_ROWS,
  date: DATE_ROWS,
  dob: DOB_ROWS,
  time: TIME_ROWS,
  number: NUMBER_ROWS,
  range: RANGE_ROWS,
  boolean: BOOLEAN_ROWS,
  ssn: SSN_ROWS,
  ip: IP_ROWS,
  gender: GENDER_ROWS,
  url: URL_ROWS,
  first_name: NAME_ROWS,
};
