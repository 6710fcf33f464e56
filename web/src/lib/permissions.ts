/** What the UI offers per role; mirrors the server's rules so viewers are never shown a write. */
import { type Role, roleAtLeast } from "../../../src/core/access/roles.js";

export { roleAtLeast };

export type UiPermission = "bot:write" | "bot:deploy" | "bot:delete" | "member:manage" | "token:manage" | "help:manage" | "channel:write";

const MINIMUM: Record<UiPermission, Role> = {
  "bot:write": "editor",
  "bot:deploy": "editor",
  "bot:delete": "admin",
  "member:manage": "admin",
  "token:manage": "admin",
  "help:manage": "admin",
  "channel:write": "admin",
};

export function can(role: Role | undefined, permission: UiPermission): boolean {
  return role !== undefined && roleAtLeast(role, MINIMUM[permission]);
}
