/**
 * Workspace roles, ordered: owner > admin > editor > viewer. Shared by the server (which enforces
 * them) and the admin center (which hides what a role may not do).
 */
export type Role = "owner" | "admin" | "editor" | "viewer";

export const ROLES: readonly Role[] = ["owner", "admin", "editor", "viewer"];

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3, owner: 4 };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/** The higher of the roles (undefined when there are none). */
export function highestRole(roles: readonly Role[]): Role | undefined {
  return [...roles].sort((a, b) => RANK[b] - RANK[a])[0];
}
