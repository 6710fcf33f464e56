/** Who may manage the help center: mirrors the server, where the highest role in any workspace decides. */
import type { WorkspaceRef } from "../../api/types.js";
import { roleAtLeast } from "../../lib/permissions.js";

export function canManageHelp(workspaces: readonly Pick<WorkspaceRef, "role">[]): boolean {
  return workspaces.some((w) => roleAtLeast(w.role, "admin"));
}
