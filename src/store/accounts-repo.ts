/** Users, workspaces and memberships. */
import type { Kysely } from "kysely";
import { isoNow, newId, newSecret, sha256 } from "./ids.js";
import type { Database, Role } from "./schema.js";

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: string;
}

export interface MembershipRecord {
  workspaceId: string;
  workspaceName: string;
  userId: string;
  role: Role;
}

export interface MemberRecord {
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

export interface InvitationRecord {
  id: string;
  workspaceId: string;
  workspaceName?: string;
  email: string;
  role: Role;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

function toInvitation(row: Database["invitations"]): InvitationRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    email: row.email,
    role: row.role,
    invitedBy: row.invited_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
  };
}

export class AccountsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async countUsers(): Promise<number> {
    const row = await this.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom("users").selectAll().where("email", "=", email.toLowerCase()).executeTakeFirst();
    return row && toUser(row);
  }

  async findUserById(id: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    return row && toUser(row);
  }

  async createUser(fields: { email: string; name: string; passwordHash: string }, db: Kysely<Database> = this.db): Promise<UserRecord> {
    const now = isoNow();
    const row = {
      id: newId(),
      email: fields.email.toLowerCase(),
      name: fields.name,
      password_hash: fields.passwordHash,
      created_at: now,
      updated_at: now,
    };
    await db.insertInto("users").values(row).execute();
    return toUser(row);
  }

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await this.db.updateTable("users").set({ password_hash: passwordHash, updated_at: isoNow() }).where("id", "=", userId).execute();
  }

  async createWorkspace(name: string, db: Kysely<Database> = this.db): Promise<{ id: string; name: string }> {
    const ws = { id: newId(), name, created_at: isoNow() };
    await db.insertInto("workspaces").values(ws).execute();
    return { id: ws.id, name: ws.name };
  }

  async addMember(workspaceId: string, userId: string, role: Role, db: Kysely<Database> = this.db): Promise<void> {
    await db.insertInto("memberships").values({ workspace_id: workspaceId, user_id: userId, role, created_at: isoNow() }).execute();
  }

  async setRole(workspaceId: string, userId: string, role: Role): Promise<boolean> {
    const res = await this.db
      .updateTable("memberships")
      .set({ role })
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async removeMember(workspaceId: string, userId: string): Promise<boolean> {
    const res = await this.db
      .deleteFrom("memberships")
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }

  async membershipsOf(userId: string): Promise<MembershipRecord[]> {
    const rows = await this.db
      .selectFrom("memberships")
      .innerJoin("workspaces", "workspaces.id", "memberships.workspace_id")
      .select(["memberships.workspace_id", "workspaces.name", "memberships.user_id", "memberships.role"])
      .where("memberships.user_id", "=", userId)
      .orderBy("workspaces.created_at")
      .execute();
    return rows.map((r) => ({ workspaceId: r.workspace_id, workspaceName: r.name, userId: r.user_id, role: r.role }));
  }

  async roleIn(workspaceId: string, userId: string): Promise<Role | undefined> {
    const row = await this.db
      .selectFrom("memberships")
      .select("role")
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return row?.role;
  }

  async members(workspaceId: string): Promise<MemberRecord[]> {
    const rows = await this.db
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select(["users.id", "users.email", "users.name", "memberships.role", "memberships.created_at"])
      .where("memberships.workspace_id", "=", workspaceId)
      .orderBy("memberships.created_at")
      .execute();
    return rows.map((r) => ({ userId: r.id, email: r.email, name: r.name, role: r.role, createdAt: r.created_at }));
  }

  async countOwners(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom("memberships")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("workspace_id", "=", workspaceId)
      .where("role", "=", "owner")
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async createInvitation(fields: {
    workspaceId: string;
    email: string;
    role: Role;
    invitedBy: string;
    days: number;
  }): Promise<{ token: string; invitation: InvitationRecord }> {
    const token = newSecret();
    const row = {
      id: newId(),
      workspace_id: fields.workspaceId,
      email: fields.email.toLowerCase(),
      role: fields.role,
      token_hash: sha256(token),
      invited_by: fields.invitedBy,
      created_at: isoNow(),
      expires_at: new Date(Date.now() + fields.days * 86_400_000).toISOString(),
      accepted_at: null,
    };
    await this.db.insertInto("invitations").values(row).execute();
    return { token, invitation: toInvitation(row) };
  }

  async pendingInvitations(workspaceId: string): Promise<InvitationRecord[]> {
    const rows = await this.db
      .selectFrom("invitations")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("accepted_at", "is", null)
      .where("expires_at", ">", isoNow())
      .orderBy("created_at")
      .execute();
    return rows.map(toInvitation);
  }

  async deleteInvitation(workspaceId: string, id: string): Promise<boolean> {
    const res = await this.db.deleteFrom("invitations").where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }

  /** An unused, unexpired invitation for this token, with its workspace's name. */
  async findInvitation(token: string): Promise<InvitationRecord | undefined> {
    const row = await this.db
      .selectFrom("invitations")
      .innerJoin("workspaces", "workspaces.id", "invitations.workspace_id")
      .selectAll("invitations")
      .select("workspaces.name as workspace_name")
      .where("token_hash", "=", sha256(token))
      .where("accepted_at", "is", null)
      .where("expires_at", ">", isoNow())
      .executeTakeFirst();
    return row && { ...toInvitation(row), workspaceName: row.workspace_name };
  }

  /** Marks the invitation accepted, once (false when someone else used it first). */
  async markInvitationAccepted(id: string, db: Kysely<Database> = this.db): Promise<boolean> {
    const res = await db
      .updateTable("invitations")
      .set({ accepted_at: isoNow() })
      .where("id", "=", id)
      .where("accepted_at", "is", null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async workspaceExists(id: string): Promise<boolean> {
    return (await this.db.selectFrom("workspaces").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
  }
}

function toUser(row: Database["users"]): UserRecord {
  return { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash, createdAt: row.created_at };
}
