// Example values per field type, shown by the meta endpoint and Submission Docs.
import type { TypeName } from "@/lib/flow/model";

export const FIELD_EXAMPLES: Record<TypeName, string[]> = {
  string: ["Any text"],
  first_name: ["John"],
  last_name: ["Doe"],
  city: ["Austin"],
  number: ["250000", "$1,250.00"],
  boolean: ["true", "no"],
  range: ["1-10", "10+"],
  date: ["2024-06-02", "6/2/2024"],
  dob: ["1980-01-31", "01/31/1980"],
  time: ["2024-06-02T14:30:00Z"],
  phone: ["512-789-1111", "(512) 789-1111 x12"],
  email: ["jdoe@example.com"],
  postal_code: ["78751", "78751-4424"],
  state: ["TX", "Texas"],
  gender: ["female", "M"],
  ssn: ["123-45-6789"],
  street: ["4203 Guadalupe St"],
  url: ["https://example.com/landing"],
  ip: ["203.0.113.7"],
  credential: ["(a password or key, stored masked)"],
};
