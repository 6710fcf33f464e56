/** What the UI offers per role; mirrors the server's rules so viewers are never shown a write. */
import type { Role } from "../api/types.js";

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3, owner: 4 };

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

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

export function can(role: Role | undefined, permission: UiPermission): boolean {
  return role !== undefined && roleAtLeast(role, MINIMUM[permission]);
}
