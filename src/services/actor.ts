/** The caller of an admin operation: a signed-in user or an API token acting in one workspace. */
import type { Role } from "../store/schema.js";
import type { Store } from "../store/store.js";

export type Actor =
  | { kind: "user"; userId: string; email: string; name: string }
  | { kind: "token"; tokenId: string; workspaceId: string; role: Role; createdBy: string }
  /** The local CLI: whoever can read the database file or URL already holds every key. */
  | { kind: "system"; label: string };

/** The actor's role in a workspace (undefined when it has none there). */
export async function roleOf(store: Store, actor: Actor, workspaceId: string): Promise<Role | undefined> {
  if (actor.kind === "system") return "owner";
  if (actor.kind === "token") return actor.workspaceId === workspaceId ? actor.role : undefined;
  return store.accounts.roleIn(workspaceId, actor.userId);
}

export function actorLabel(actor: Actor): string {
  if (actor.kind === "system") return actor.label;
  return actor.kind === "user" ? actor.email : `token:${actor.tokenId}`;
}
