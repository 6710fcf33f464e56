/** The audit log (who changed what), conversation state and the skill call log. */
import type { Kysely } from "kysely";
import { isoNow } from "./ids.js";
import type { Database } from "./schema.js";

export interface AuditEntry {
  id: number;
  workspaceId: string | null;
  actor: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  createdAt: string;
}

export interface SkillLogEntry {
  id: number;
  botId: string;
  skillId: string;
  blockId: string | null;
  surface: string;
  ok: boolean;
  reason: string | null;
  detail: string;
  status: number | null;
  latencyMs: number;
  createdAt: string;
}

export class ActivityRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async audit(entry: {
    workspaceId: string | null;
    actor: string | null;
    action: string;
    target?: string;
    detail?: Record<string, unknown>;
  }): Promise<void> {
    await this.db
      .insertInto("audit_log")
      .values({
        workspace_id: entry.workspaceId,
        actor: entry.actor,
        action: entry.action,
        target: entry.target ?? null,
        detail: JSON.stringify(entry.detail ?? {}),
        created_at: isoNow(),
      })
      .execute();
  }

  async auditLog(workspaceId: string, limit = 100): Promise<AuditEntry[]> {
    const rows = await this.db
      .selectFrom("audit_log")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      workspaceId: r.workspace_id,
      actor: r.actor,
      action: r.action,
      target: r.target,
      detail: parseObject(r.detail),
      createdAt: r.created_at,
    }));
  }

  async loadConversation(botId: string, surface: string, userKey: string): Promise<unknown | undefined> {
    const row = await this.db
      .selectFrom("conversations")
      .select("state")
      .where("bot_id", "=", botId)
      .where("surface", "=", surface)
      .where("user_key", "=", userKey)
      .executeTakeFirst();
    return row ? JSON.parse(row.state) : undefined;
  }

  async saveConversation(botId: string, surface: string, userKey: string, state: unknown): Promise<void> {
    const values = { bot_id: botId, surface, user_key: userKey, state: JSON.stringify(state), updated_at: isoNow() };
    await this.db
      .insertInto("conversations")
      .values(values)
      .onConflict((oc) => oc.columns(["bot_id", "surface", "user_key"]).doUpdateSet({ state: values.state, updated_at: values.updated_at }))
      .execute();
  }

  async deleteConversation(botId: string, surface: string, userKey: string): Promise<void> {
    await this.db
      .deleteFrom("conversations")
      .where("bot_id", "=", botId)
      .where("surface", "=", surface)
      .where("user_key", "=", userKey)
      .execute();
  }

  async logSkillCall(entry: Omit<SkillLogEntry, "id" | "createdAt">): Promise<void> {
    await this.db
      .insertInto("skill_log")
      .values({
        bot_id: entry.botId,
        skill_id: entry.skillId,
        block_id: entry.blockId,
        surface: entry.surface,
        ok: entry.ok ? 1 : 0,
        reason: entry.reason,
        detail: entry.detail,
        status: entry.status,
        latency_ms: Math.round(entry.latencyMs),
        created_at: isoNow(),
      })
      .execute();
  }

  async skillLog(botId: string, options: { errorsOnly?: boolean; limit?: number } = {}): Promise<SkillLogEntry[]> {
    let q = this.db.selectFrom("skill_log").selectAll().where("bot_id", "=", botId);
    if (options.errorsOnly) q = q.where("ok", "=", 0);
    const rows = await q
      .orderBy("id", "desc")
      .limit(options.limit ?? 100)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      botId: r.bot_id,
      skillId: r.skill_id,
      blockId: r.block_id,
      surface: r.surface,
      ok: Number(r.ok) === 1,
      reason: r.reason,
      detail: r.detail,
      status: r.status === null ? null : Number(r.status),
      latencyMs: Number(r.latency_ms),
      createdAt: r.created_at,
    }));
  }
}

function parseObject(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  return typeof value === "object" && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};
}
