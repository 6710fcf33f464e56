/**
 * Who may do what. Roles are per workspace and ordered: owner > admin > editor > viewer.
 * Every admin route asks `requirePermission` before it touches anything.
 */
import { isRole, ROLES, type Role, roleAtLeast } from "../core/access/roles.js";
import { forbidden } from "./errors.js";

export { isRole, ROLES, roleAtLeast };

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

export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && roleAtLeast(role, MINIMUM_ROLE[permission]);
}

export function requirePermission(role: Role | undefined, permission: Permission): void {
  if (!can(role, permission)) {
    throw forbidden(`this needs the ${MINIMUM_ROLE[permission]} role or higher (${permission}); you are ${role ?? "not a member"}`);
  }
}
