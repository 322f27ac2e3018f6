// The names people give standard lead fields in spreadsheet and CRM exports.

/** Lowercase letters and digits only: "E-mail Address", "e_mail address" and "EMAIL ADDRESS" agree. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

export const FIELD_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  first_name: ["First Name", "FName", "Given Name", "First"],
  last_name: ["Last Name", "Surname", "LName", "Family Name", "Last"],
  email: ["E-mail Address", "Email Address", "E-mail", "Email"],
  phone_1: [
    "Phone",
    "Phone Number",
    "Phone 1",
    "Primary Phone",
    "Telephone",
    "Tel",
    "Mobile",
    "Mobile Phone",
    "Cell",
    "Cell Phone",
    "Home Phone",
  ],
  phone_2: ["Alt Phone", "Alternate Phone", "Phone 2", "Secondary Phone", "Work Phone"],
  address_1: ["Street Address", "Address", "Address 1", "Street", "Address Line 1"],
  address_2: ["Address 2", "Apt", "Suite", "Address Line 2"],
  city: ["City", "Town"],
  state: ["State", "St", "Province", "Region"],
  postal_code: ["Zip", "Zip Code", "Postal Code", "Postcode", "ZIP+4"],
  dob: ["Date of Birth", "DOB", "Birth Date", "Birthday"],
  ip_address: ["IP", "IP Address"],
  comments: ["Comments", "Notes", "Note"],
  reference: ["Reference", "Ref", "External ID"],
  trustedform_cert_url: ["TrustedForm", "xxTrustedFormCertUrl", "TrustedForm Cert URL"],
  source_timestamp: ["Submitted At", "Timestamp", "Created At", "Date Submitted"],
};

/** Every normalized name a field is known by: its synonyms and its label (custom fields have only that). */
export function knownNames(field: { id: string; label: string }): Set<string> {
  const names = [...(FIELD_SYNONYMS[field.id] ?? []), field.label];
  return new Set(names.map(normalizeName).filter((name) => name !== ""));
}
