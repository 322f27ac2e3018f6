// Who may do what in an account. Pure, so pages, actions, route handlers and tests share one table.
// Every check happens on the server; hiding a button is only a courtesy on top.
import type { HolderRole } from "@/db/schema";

export type { HolderRole };
export const ROLES = ["owner", "admin", "editor", "viewer"] as const satisfies readonly HolderRole[];

export const ROLE_LABELS: Record<HolderRole, string> = { owner: "Owner", admin: "Admin", editor: "Editor", viewer: "Viewer" };
export const ROLE_SUMMARIES: Record<HolderRole, string> = {
  owner: "Everything, including other owners",
  admin: "Everything but changing owners",
  editor: "Flows, sources, imports and report links; not people or settings",
  viewer: "Reads leads, imports and reports; changes nothing, sees no API keys or docs links",
};

export type Permission =
  | "read" // leads, imports, reports, flows and sources, without secrets
  | "secrets:read" // API keys and Submission Docs links
  | "flows:write"
  | "sources:write"
  | "imports:write"
  | "reports:share"
  | "people:manage"
  | "settings:write"
  | "audit:read";

const EDITOR: readonly Permission[] = ["read", "secrets:read", "flows:write", "sources:write", "imports:write", "reports:share"];
const ADMIN: readonly Permission[] = [...EDITOR, "people:manage", "settings:write", "audit:read"];

// Owners and admins hold the same permissions; what sets owners apart is mayChangeRole and mayManage.
const GRANTS: Record<HolderRole, ReadonlySet<Permission>> = {
  viewer: new Set<Permission>(["read"]),
  editor: new Set(EDITOR),
  admin: new Set(ADMIN),
  owner: new Set(ADMIN),
};

export function can(role: HolderRole, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

// Owners change anyone; admins change admins, editors and viewers but never make or touch an owner.
// (The last-owner rule needs the database: lib/people.)
export function mayChangeRole(actor: HolderRole, from: HolderRole, to: HolderRole): boolean {
  if (!can(actor, "people:manage")) return false;
  if (actor === "owner") return true;
  return from !== "owner" && to !== "owner";
}

/** Whether the actor may remove, reset the password of, or otherwise manage a person with this role. */
export function mayManage(actor: HolderRole, target: HolderRole): boolean {
  return can(actor, "people:manage") && (actor === "owner" || target !== "owner");
}
