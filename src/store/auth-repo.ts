/** Sessions, API tokens and one-time setup tokens. Only hashes of secrets are stored. */
import type { Kysely } from "kysely";
import { isoNow, newId, newSecret, sha256 } from "./ids.js";
import type { Database, Role } from "./schema.js";

export interface SessionRecord {
  userId: string;
  csrfToken: string;
  expiresAt: string;
}

export interface ApiTokenRecord {
  id: string;
  workspaceId: string;
  createdBy: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export const API_TOKEN_PREFIX = "bct_";

export class AuthRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates a session and returns the cookie value (only its hash is stored). */
  async createSession(userId: string, hours: number): Promise<{ cookie: string; csrfToken: string; expiresAt: string }> {
    const cookie = newSecret();
    const csrfToken = newSecret();
    const expiresAt = new Date(Date.now() + hours * 3_600_000).toISOString();
    await this.db
      .insertInto("sessions")
      .values({ id_hash: sha256(cookie), user_id: userId, csrf_token: csrfToken, created_at: isoNow(), expires_at: expiresAt })
      .execute();
    return { cookie, csrfToken, expiresAt };
  }

  async findSession(cookie: string): Promise<SessionRecord | undefined> {
    const row = await this.db
      .selectFrom("sessions")
      .select(["user_id", "csrf_token", "expires_at"])
      .where("id_hash", "=", sha256(cookie))
      .where("expires_at", ">", isoNow())
      .executeTakeFirst();
    return row && { userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at };
  }

  async deleteSession(cookie: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id_hash", "=", sha256(cookie)).execute();
  }

  /** Ends every session of a user except `keepCookie` (after a password change). */
  async deleteUserSessions(userId: string, keepCookie?: string): Promise<void> {
    let q = this.db.deleteFrom("sessions").where("user_id", "=", userId);
    if (keepCookie) q = q.where("id_hash", "!=", sha256(keepCookie));
    await q.execute();
  }

  async createApiToken(fields: {
    workspaceId: string;
    createdBy: string;
    name: string;
    role: Role;
  }): Promise<{ token: string; record: ApiTokenRecord }> {
    const token = `${API_TOKEN_PREFIX}${newSecret()}`;
    const row = {
      id: newId(),
      workspace_id: fields.workspaceId,
      created_by: fields.createdBy,
      name: fields.name,
      role: fields.role,
      token_hash: sha256(token),
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      created_at: isoNow(),
      last_used_at: null,
      revoked_at: null,
    };
    await this.db.insertInto("api_tokens").values(row).execute();
    return { token, record: toToken(row) };
  }

  async findApiToken(token: string): Promise<ApiTokenRecord | undefined> {
    const row = await this.db
      .selectFrom("api_tokens")
      .selectAll()
      .where("token_hash", "=", sha256(token))
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (!row) return undefined;
    // Recording every use would cost a write per request; a minute's precision is enough to spot stale tokens.
    const now = Date.now();
    if (!row.last_used_at || now - Date.parse(row.last_used_at) > 60_000) {
      await this.db
        .updateTable("api_tokens")
        .set({ last_used_at: new Date(now).toISOString() })
        .where("id", "=", row.id)
        .execute();
    }
    return toToken(row);
  }

  async listApiTokens(workspaceId: string): Promise<ApiTokenRecord[]> {
    const rows = await this.db
      .selectFrom("api_tokens")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("revoked_at", "is", null)
      .orderBy("created_at")
      .execute();
    return rows.map(toToken);
  }

  async revokeApiToken(workspaceId: string, id: string): Promise<boolean> {
    const res = await this.db
      .updateTable("api_tokens")
      .set({ revoked_at: isoNow() })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async createSetupToken(minutes: number): Promise<{ token: string; expiresAt: string }> {
    const token = newSecret();
    const expiresAt = new Date(Date.now() + minutes * 60_000).toISOString();
    await this.db
      .insertInto("setup_tokens")
      .values({ token_hash: sha256(token), expires_at: expiresAt, used_at: null })
      .execute();
    return { token, expiresAt };
  }

  /** Marks a setup token used; false when unknown, expired or already used. */
  async consumeSetupToken(token: string, db: Kysely<Database> = this.db): Promise<boolean> {
    const res = await db
      .updateTable("setup_tokens")
      .set({ used_at: isoNow() })
      .where("token_hash", "=", sha256(token))
      .where("used_at", "is", null)
      .where("expires_at", ">", isoNow())
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }
}

function toToken(row: Database["api_tokens"]): ApiTokenRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    createdBy: row.created_by,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}
