/**
 * Who may do what. Roles are per workspace and ordered: owner > admin > editor > viewer.
 * Every admin route asks `requirePermission` before it touches anything.
 */
import type { Role } from "../store/schema.js";
import { forbidden } from "./errors.js";

export const ROLES: readonly Role[] = ["owner", "admin", "editor", "viewer"];
const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3, owner: 4 };

export type Permission =
  | "bot:read" // see bots, drafts, versions, logs; use the bot test panel
  | "bot:write" // create, import, edit drafts
  | "bot:deploy" // deploy and roll back
  | "bot:delete"
  | "member:read"
  | "member:manage" // add, remove, change roles (never above one's own)
  | "token:manage"
  | "audit:read"
  | "help:manage"
  | "channel:read" // see channels, their connections and status
  | "channel:write" // create and edit channels, connect bots
  | "chat:operate" // operator console: take over rooms, reply, hand back
  | "event:send"; // Event API (POST /bots/:botId/talk)

const MINIMUM_ROLE: Record<Permission, Role> = {
  "bot:read": "viewer",
  "bot:write": "editor",
  "bot:deploy": "editor",
  "bot:delete": "admin",
  "member:read": "viewer",
  "member:manage": "admin",
  "token:manage": "admin",
  "audit:read": "admin",
  "help:manage": "admin",
  "channel:read": "viewer",
  "channel:write": "admin",
  "chat:operate": "editor",
  "event:send": "editor",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && roleAtLeast(role, MINIMUM_ROLE[permission]);
}

export function requirePermission(role: Role | undefined, permission: Permission): void {
  if (!can(role, permission)) {
    throw forbidden(`this needs the ${MINIMUM_ROLE[permission]} role or higher (${permission}); you are ${role ?? "not a member"}`);
  }
}
