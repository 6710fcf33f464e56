/** Callback tasks, per-bot secrets and messages delivered outside a turn. */
import type { Kysely } from "kysely";
import { isoNow, newId, newSecret, sha256 } from "./ids.js";
import type { Database } from "./schema.js";

export interface CallbackTask {
  id: string;
  botId: string;
  version: number | null;
  surface: string;
  userKey: string;
  blockId: string;
  forwardUrl: string | null;
  expiresAt: string;
  usedAt: string | null;
}

export type ClaimResult =
  | { kind: "claimed"; task: CallbackTask }
  | { kind: "unknown" }
  | { kind: "used"; task: CallbackTask }
  | { kind: "expired"; task: CallbackTask };

export interface DeliveredMessage {
  id: string;
  kind: string;
  payload: unknown;
  createdAt: string;
}

export class RuntimeRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async createCallbackTask(
    fields: Omit<CallbackTask, "id" | "usedAt" | "expiresAt">,
    validForMs: number,
    token: string = newSecret(),
  ): Promise<{ token: string; task: CallbackTask }> {
    const task: CallbackTask = {
      id: crypto.randomUUID(),
      ...fields,
      expiresAt: new Date(Date.now() + validForMs).toISOString(),
      usedAt: null,
    };
    await this.db
      .insertInto("callback_tasks")
      .values({
        id: task.id,
        token_hash: sha256(token),
        bot_id: task.botId,
        version: task.version,
        surface: task.surface,
        user_key: task.userKey,
        block_id: task.blockId,
        forward_url: task.forwardUrl,
        expires_at: task.expiresAt,
        used_at: null,
        created_at: isoNow(),
      })
      .execute();
    return { token, task };
  }

  async findCallbackTask(token: string): Promise<CallbackTask | undefined> {
    const row = await this.db.selectFrom("callback_tasks").selectAll().where("token_hash", "=", sha256(token)).executeTakeFirst();
    return row && toTask(row);
  }

  /** Marks the task used, once; a second use, a late use or an unknown token says which. */
  async claimCallbackTask(token: string, now = new Date()): Promise<ClaimResult> {
    const row = await this.db.selectFrom("callback_tasks").selectAll().where("token_hash", "=", sha256(token)).executeTakeFirst();
    if (!row) return { kind: "unknown" };
    const task = toTask(row);
    if (row.used_at) return { kind: "used", task };
    if (row.expires_at <= now.toISOString()) return { kind: "expired", task };
    const res = await this.db
      .updateTable("callback_tasks")
      .set({ used_at: now.toISOString() })
      .where("id", "=", row.id)
      .where("used_at", "is", null)
      .executeTakeFirst();
    // Two requests racing for one token: only the one whose update landed wins.
    return Number(res.numUpdatedRows) === 1 ? { kind: "claimed", task: { ...task, usedAt: now.toISOString() } } : { kind: "used", task };
  }

  /** Creates or replaces a bot secret and returns it (only its hash is kept). */
  async rotateSecret(botId: string, kind: string): Promise<string> {
    const secret = newSecret();
    await this.db.deleteFrom("bot_secrets").where("bot_id", "=", botId).where("kind", "=", kind).execute();
    await this.db
      .insertInto("bot_secrets")
      .values({ bot_id: botId, kind, secret_hash: sha256(secret), created_at: isoNow() })
      .execute();
    return secret;
  }

  async deleteSecret(botId: string, kind: string): Promise<boolean> {
    const res = await this.db.deleteFrom("bot_secrets").where("bot_id", "=", botId).where("kind", "=", kind).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }

  async hasSecret(botId: string, kind: string): Promise<boolean> {
    return (
      (await this.db.selectFrom("bot_secrets").select("bot_id").where("bot_id", "=", botId).where("kind", "=", kind).executeTakeFirst()) !==
      undefined
    );
  }

  async checkSecret(botId: string, kind: string, secret: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("bot_secrets")
      .select("secret_hash")
      .where("bot_id", "=", botId)
      .where("kind", "=", kind)
      .executeTakeFirst();
    return row !== undefined && row.secret_hash === sha256(secret);
  }

  async deleteCallbackTask(id: string): Promise<void> {
    await this.db.deleteFrom("callback_tasks").where("id", "=", id).execute();
  }

  async deliver(botId: string, surface: string, userKey: string, kind: string, payload: unknown): Promise<DeliveredMessage> {
    const message = { id: newId(), kind, payload, createdAt: isoNow() };
    await this.db
      .insertInto("delivered_messages")
      .values({
        id: message.id,
        bot_id: botId,
        surface,
        user_key: userKey,
        kind,
        payload: JSON.stringify(payload),
        created_at: message.createdAt,
      })
      .execute();
    return message;
  }

  async delivered(botId: string, surface: string, userKey: string, since?: string): Promise<DeliveredMessage[]> {
    let q = this.db
      .selectFrom("delivered_messages")
      .selectAll()
      .where("bot_id", "=", botId)
      .where("surface", "=", surface)
      .where("user_key", "=", userKey);
    if (since) q = q.where("created_at", ">", since);
    const rows = await q.orderBy("created_at").limit(200).execute();
    return rows.map((r) => ({ id: r.id, kind: r.kind, payload: JSON.parse(r.payload), createdAt: r.created_at }));
  }
}

function toTask(row: Database["callback_tasks"]): CallbackTask {
  return {
    id: row.id,
    botId: row.bot_id,
    version: row.version === null ? null : Number(row.version),
    surface: row.surface,
    userKey: row.user_key,
    blockId: row.block_id,
    forwardUrl: row.forward_url,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  };
}
