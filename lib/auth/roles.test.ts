import { describe, expect, it } from "vitest";
import { can, mayChangeRole, mayManage, ROLES } from "./roles";

describe("roles", () => {
  it("lets every role read and only the viewer change nothing", () => {
    for (const role of ROLES) expect(can(role, "read")).toBe(true);
    for (const p of ["secrets:read", "flows:write", "sources:write", "imports:write", "reports:share", "people:manage"] as const) {
      expect(can("viewer", p)).toBe(false);
    }
  });

  it("keeps people, settings and the audit log from editors", () => {
    expect(can("editor", "flows:write")).toBe(true);
    expect(can("editor", "people:manage")).toBe(false);
    expect(can("editor", "settings:write")).toBe(false);
    expect(can("editor", "audit:read")).toBe(false);
    expect(can("admin", "people:manage")).toBe(true);
    expect(can("owner", "audit:read")).toBe(true);
  });

  it("lets admins manage everyone but owners, and owners everyone", () => {
    expect(mayChangeRole("admin", "viewer", "editor")).toBe(true);
    expect(mayChangeRole("admin", "viewer", "owner")).toBe(false);
    expect(mayChangeRole("admin", "owner", "admin")).toBe(false);
    expect(mayChangeRole("owner", "owner", "admin")).toBe(true);
    expect(mayChangeRole("editor", "viewer", "editor")).toBe(false);
    expect(mayManage("admin", "owner")).toBe(false);
    expect(mayManage("admin", "admin")).toBe(true);
    expect(mayManage("owner", "owner")).toBe(true);
  });
});
