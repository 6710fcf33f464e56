/**
 * First start: there is no default password anywhere. The owner comes from
 * BOTCENTER_ADMIN_EMAIL/PASSWORD, or botcenter issues a one-time setup link (valid 30 minutes).
 */
import type { Store } from "../store/store.js";
import { AppError, badRequest } from "./errors.js";
import { hashPassword, PASSWORD_MIN_LENGTH } from "./passwords.js";

export const SETUP_LINK_MINUTES = 30;
export const DEFAULT_WORKSPACE_NAME = "기본 워크스페이스";

export type BootstrapResult =
  | { kind: "ready" }
  | { kind: "owner-created"; email: string }
  | { kind: "setup-link"; token: string; expiresAt: string };

export async function bootstrapOwner(store: Store, admin: { email?: string; password?: string }): Promise<BootstrapResult> {
  if ((await store.accounts.countUsers()) > 0) return { kind: "ready" };
  if (admin.email && admin.password) {
    await createOwner(store, { email: admin.email, password: admin.password, name: "Owner" });
    return { kind: "owner-created", email: admin.email.toLowerCase() };
  }
  const { token, expiresAt } = await store.auth.createSetupToken(SETUP_LINK_MINUTES);
  return { kind: "setup-link", token, expiresAt };
}

/** Creates a user who owns a new default workspace, in one transaction. */
export async function createOwner(store: Store, fields: { email: string; password: string; name: string; setupToken?: string }) {
  if (fields.password.length < PASSWORD_MIN_LENGTH) {
    throw badRequest("weak_password", `password: at least ${PASSWORD_MIN_LENGTH} characters`, "password");
  }
  const passwordHash = await hashPassword(fields.password);
  return store.connection.db.transaction().execute(async (trx) => {
    if (fields.setupToken !== undefined) {
      if (!(await store.auth.consumeSetupToken(fields.setupToken, trx))) {
        throw new AppError(
          400,
          "invalid_setup_token",
          "token: the setup link is unknown, used or expired; restart botcenter for a new one",
          "token",
        );
      }
      const users = await trx.selectFrom("users").select("id").limit(1).execute();
      if (users.length > 0) throw new AppError(409, "already_set_up", "botcenter already has an owner");
    }
    const user = await store.accounts.createUser({ email: fields.email, name: fields.name, passwordHash }, trx);
    const workspace = await store.accounts.createWorkspace(DEFAULT_WORKSPACE_NAME, trx);
    await store.accounts.addMember(workspace.id, user.id, "owner", trx);
    return { user, workspace };
  });
}
