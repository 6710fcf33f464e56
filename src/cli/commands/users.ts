/** Account administration on the server itself: create users, reset passwords. */
import type { Command } from "commander";
import { createOwner } from "../../services/bootstrap.js";
import { hashPassword, PASSWORD_MIN_LENGTH } from "../../services/passwords.js";
import { isRole } from "../../services/roles.js";
import { CliError, EXIT, resolveWorkspace, type StoreFlags, withStore, withStoreOptions } from "../shared.js";

async function readPassword(flag: string | undefined): Promise<string> {
  const password = flag ?? process.env.BOTCENTER_PASSWORD;
  if (!password)
    throw new CliError("password: pass --password or set BOTCENTER_PASSWORD (the variable keeps it out of shell history)", EXIT.usage);
  if (password.length < PASSWORD_MIN_LENGTH) throw new CliError(`password: at least ${PASSWORD_MIN_LENGTH} characters`, EXIT.usage);
  return password;
}

export function registerUsers(program: Command): void {
  const users = program.command("users").description("manage accounts (create, reset-password)");

  withStoreOptions(
    users
      .command("create")
      .description("create an account; the first one becomes the owner of a new workspace")
      .argument("<email>", "email address (the login name)")
      .option("--name <name>", "display name")
      .option("--role <role>", "owner|admin|editor|viewer (ignored for the first account, which is the owner)", "editor")
      .option("-w, --workspace <id>", "workspace to join (default: the oldest)")
      .option("--password <password>", "initial password (or BOTCENTER_PASSWORD)"),
  ).action(async (email: string, flags: StoreFlags & { name?: string; role: string; workspace?: string; password?: string }) => {
    if (!isRole(flags.role)) throw new CliError(`--role: must be owner, admin, editor or viewer, got "${flags.role}"`, EXIT.usage);
    const role = flags.role;
    const password = await readPassword(flags.password);
    await withStore(flags, async (store) => {
      if (await store.accounts.findUserByEmail(email)) throw new CliError(`${email} already has an account`);
      if ((await store.accounts.countUsers()) === 0) {
        const { workspace } = await createOwner(store, { email, password, name: flags.name ?? email.split("@")[0] ?? email });
        process.stdout.write(`created ${email} as owner of workspace ${workspace.id}\n`);
        return;
      }
      const workspaceId = await resolveWorkspace(store, flags.workspace);
      const user = await store.accounts.createUser({
        email,
        name: flags.name ?? email.split("@")[0] ?? email,
        passwordHash: await hashPassword(password),
      });
      await store.accounts.addMember(workspaceId, user.id, role);
      await store.activity.audit({ workspaceId, actor: "cli", action: "member.add", target: user.id, detail: { role } });
      process.stdout.write(`created ${email} as ${role} of workspace ${workspaceId}\n`);
    });
  });

  withStoreOptions(
    users
      .command("reset-password")
      .description("set a new password and end the user's sessions")
      .argument("<email>", "the account's email")
      .option("--password <password>", "new password (or BOTCENTER_PASSWORD)"),
  ).action(async (email: string, flags: StoreFlags & { password?: string }) => {
    const password = await readPassword(flags.password);
    await withStore(flags, async (store) => {
      const user = await store.accounts.findUserByEmail(email);
      if (!user) throw new CliError(`no account for ${email}`);
      await store.accounts.setPassword(user.id, await hashPassword(password));
      await store.auth.deleteUserSessions(user.id);
      await store.activity.audit({ workspaceId: null, actor: "cli", action: "user.password.reset", target: user.id });
      process.stdout.write(`password reset for ${email}; their sessions were ended\n`);
    });
  });

  withStoreOptions(users.command("list").description("list accounts and their workspaces")).action(async (flags: StoreFlags) => {
    await withStore(flags, async (store) => {
      const rows = await store.connection.db.selectFrom("users").select(["id", "email", "name"]).orderBy("created_at").execute();
      for (const row of rows) {
        const ms = await store.accounts.membershipsOf(row.id);
        process.stdout.write(`${row.email}\t${row.name}\t${ms.map((m) => `${m.workspaceName}:${m.role}`).join(", ")}\n`);
      }
    });
  });
}
