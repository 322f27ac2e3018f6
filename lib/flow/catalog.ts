import type { FieldDef, TypeName } from "./model";

// LeadConduit's standard field ids, so vendors already integrated there can post unchanged.
const FIELDS: ReadonlyArray<readonly [id: string, label: string, type: TypeName]> = [
  ["first_name", "First Name", "first_name"],
  ["middle_name", "Middle Name", "string"],
  ["last_name", "Last Name", "last_name"],
  ["email", "Email", "email"],
  ["phone_1", "Phone 1", "phone"],
  ["phone_2", "Phone 2", "phone"],
  ["phone_3", "Phone 3", "phone"],
  // address_2 holds units and suites ("Apt 4"), which the street type would mark invalid.
  ["address_1", "Address 1", "street"],
  ["address_2", "Address 2", "string"],
  ["city", "City", "city"],
  ["state", "State", "state"],
  ["postal_code", "Postal Code", "postal_code"],
  ["country", "Country", "string"],
  ["dob", "Date of Birth", "dob"],
  ["gender", "Gender", "gender"],
  ["ssn", "SSN", "ssn"],
  ["ip_address", "IP Address", "ip"],
  ["trustedform_cert_url", "TrustedForm Certificate URL", "url"],
  ["reference", "Reference", "string"],
  ["price", "Price", "number"],
  ["comments", "Comments", "string"],
  ["company", "Company", "string"],
  ["is_test", "Is Test", "boolean"],
  ["is_batch_lead", "Is Batch Lead", "boolean"],
  ["source_timestamp", "Source Timestamp", "time"],
  ["county", "County", "string"],
  ["website", "Website", "string"],
  ["time_to_contact", "Time to Contact", "string"],
  ["education_level", "Education Level", "string"],
  ["title", "Title", "string"],
  ["industry", "Industry", "string"],
  ["employment_status", "Employment Status", "string"],
  // Jornaya's LeadiD token, posted by vendors as leadid_id.
  ["leadid_id", "LeadiD ID", "string"],
  ["marital_status", "Marital Status", "string"],
  ["credit_rating", "Credit Rating", "string"],
  ["residence_type", "Residence Type", "string"],
  ["months_at_job", "Months at Job", "number"],
  ["monthly_salary", "Monthly Salary", "number"],
  ["mobile_opt_in", "Mobile Opt In", "boolean"],
  // Brackets as forms send them ("25-34", "65+"), read by the range type.
  ["age", "Age", "range"],
  ["credit_score", "Credit Score", "range"],
];

export const STANDARD_FIELDS: FieldDef[] = FIELDS.map(([id, label, type]) => ({ id, label, type, custom: false }));

const BY_ID: ReadonlyMap<string, FieldDef> = new Map(STANDARD_FIELDS.map((field) => [field.id, field]));

export function findStandardField(id: string): FieldDef | undefined {
  return BY_ID.get(id);
}
