import { vi } from "vitest";

// `server-only` throws outside a React Server Component bundle; tests import server modules directly.
vi.mock("server-only", () => ({}));

// Tests deliver to recipients on 127.0.0.1; production refuses internal addresses (lib/flow/steps/address-guard.ts).
process.env.RECIPIENT_ALLOW_PRIVATE ??= "true";
