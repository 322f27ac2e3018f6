// The demo flow a newcomer finds on first start: a mortgage-style lead with acceptance criteria
// (email or phone, a valid state) and a 30-day dedupe on email and phone.
import type { FlowConfig } from "@/lib/flow/model";

export const DEMO_FLOW_NAME = "Demo mortgage leads";

export const demoFlowConfig: FlowConfig = {
  fields: [
    { id: "first_name", label: "First Name", type: "first_name", custom: false },
    { id: "last_name", label: "Last Name", type: "last_name", custom: false },
    { id: "email", label: "Email", type: "email", custom: false },
    { id: "phone_1", label: "Phone 1", type: "phone", custom: false },
    { id: "address_1", label: "Address 1", type: "street", custom: false },
    { id: "city", label: "City", type: "city", custom: false },
    { id: "state", label: "State", type: "state", custom: false },
    { id: "postal_code", label: "Postal Code", type: "postal_code", custom: false },
    { id: "dob", label: "Date of Birth", type: "dob", custom: false },
    { id: "loan_amount", label: "Loan Amount", type: "number", custom: true },
    { id: "credit_rating", label: "Credit Rating", type: "string", custom: false },
  ],
  acceptance: [
    {
      id: "email-or-phone",
      ruleSet: {
        op: "or",
        rules: [
          { lhv: "email", op: "is not blank" },
          { lhv: "phone_1", op: "is not blank" },
        ],
      },
      reason: "Email or phone is required",
    },
    {
      id: "valid-state",
      ruleSet: { op: "and", rules: [{ lhv: "state", op: "format is valid" }] },
      reason: "State must be a valid US state or Canadian province",
    },
  ],
  pricing: {
    mode: "rules",
    rules: [
      { ruleSet: { op: "and", rules: [] }, price: 15 },
      { ruleSet: { op: "and", rules: [{ lhv: "credit_rating", op: "is equal to", rhv: "Excellent" }] }, price: 30 },
    ],
  },
  caps: [],
  steps: [
    {
      id: "dedupe-email-phone",
      type: "dedupe",
      name: "Duplicate check",
      criteria: { op: "and", rules: [] },
      caps: [],
      fields: ["email", "phone_1"],
      windowDays: 30,
    },
  ],
};
