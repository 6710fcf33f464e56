/**
 * Bots: the editable draft (a whole bot file), immutable numbered versions, and the pointer to the
 * version the runtime serves. A deploy is one transaction: the new version row and the pointer move
 * together or not at all, so a crash mid-deploy leaves the previous version serving.
 */
import type { Kysely, Transaction } from "kysely";
import type { BotRecord, BotSummary, VersionRecord, VersionSummary } from "../core/bot/records.js";
import type { BotFile } from "../core/bot/schema.js";
import { isoNow, newId } from "./ids.js";
import type { Database } from "./schema.js";

export type { BotRecord, BotSummary, VersionRecord, VersionSummary };

/** Thrown when the draft changed since the revision the caller read. */
export class RevisionConflictError extends Error {
  constructor(readonly current: number) {
    super(`the draft was changed by someone else (now at revision ${current})`);
    this.name = "RevisionConflictError";
  }
}

/** Test hook: milliseconds to pause inside the deploy transaction (to prove crash safety). */
export interface DeployHooks {
  pauseInsideTransactionMs?: number;
}

export class BotsRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly parseBot: (json: string) => BotFile,
    private readonly hooks: DeployHooks = {},
  ) {}

  async create(workspaceId: string, draft: BotFile, id: string = newId(), db: Kysely<Database> = this.db): Promise<BotRecord> {
    const now = isoNow();
    await db
      .insertInto("bots")
      .values({
        id,
        workspace_id: workspaceId,
        name: draft.name,
        draft: JSON.stringify(draft),
        draft_revision: 1,
        deployed_version: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return { id, workspaceId, name: draft.name, draftRevision: 1, deployedVersion: null, createdAt: now, updatedAt: now, draft };
  }

  async list(workspaceId: string): Promise<BotSummary[]> {
    const rows = await this.db
      .selectFrom("bots")
      .select(["id", "workspace_id", "name", "draft_revision", "deployed_version", "created_at", "updated_at"])
      .where("workspace_id", "=", workspaceId)
      .orderBy("created_at")
      .execute();
    return rows.map(toSummary);
  }

  async get(id: string): Promise<BotRecord | undefined> {
    const row = await this.db.selectFrom("bots").selectAll().where("id", "=", id).executeTakeFirst();
    return row && { ...toSummary(row), draft: this.parseBot(row.draft) };
  }

  async summary(id: string): Promise<BotSummary | undefined> {
    const row = await this.db
      .selectFrom("bots")
      .select(["id", "workspace_id", "name", "draft_revision", "deployed_version", "created_at", "updated_at"])
      .where("id", "=", id)
      .executeTakeFirst();
    return row && toSummary(row);
  }

  /**
   * Replaces the draft. With `expectedRevision`, fails with RevisionConflictError when someone else
   * saved in between (no lost updates).
   */
  async saveDraft(id: string, draft: BotFile, expectedRevision?: number): Promise<BotSummary> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom("bots").select(["draft_revision"]).where("id", "=", id).executeTakeFirst();
      if (!row) throw new Error(`bot ${id} not found`);
      if (expectedRevision !== undefined && row.draft_revision !== expectedRevision) {
        throw new RevisionConflictError(row.draft_revision);
      }
      await trx
        .updateTable("bots")
        .set({ draft: JSON.stringify(draft), name: draft.name, draft_revision: row.draft_revision + 1, updated_at: isoNow() })
        .where("id", "=", id)
        .execute();
      const updated = await this.summaryIn(trx, id);
      if (!updated) throw new Error(`bot ${id} not found`);
      return updated;
    });
  }

  async delete(id: string): Promise<boolean> {
    const res = await this.db.deleteFrom("bots").where("id", "=", id).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }

  /** Snapshots the current draft as the next version and makes it the serving one, atomically. */
  async deploy(id: string, note: string, actor: string | null): Promise<VersionSummary> {
    return this.db.transaction().execute(async (trx) => {
      const bot = await trx.selectFrom("bots").select(["draft"]).where("id", "=", id).executeTakeFirst();
      if (!bot) throw new Error(`bot ${id} not found`);
      const last = await trx
        .selectFrom("bot_versions")
        .select((eb) => eb.fn.max<number | null>("version").as("v"))
        .where("bot_id", "=", id)
        .executeTakeFirst();
      const version = Number(last?.v ?? 0) + 1;
      const createdAt = isoNow();
      await trx
        .insertInto("bot_versions")
        .values({ bot_id: id, version, note, snapshot: bot.draft, created_by: actor, created_at: createdAt })
        .execute();
      if (this.hooks.pauseInsideTransactionMs) await sleep(this.hooks.pauseInsideTransactionMs);
      await trx.updateTable("bots").set({ deployed_version: version, updated_at: createdAt }).where("id", "=", id).execute();
      return { version, note, createdBy: actor, createdAt };
    });
  }

  /** Makes an earlier version the serving one again. The draft is left as it is. */
  async rollback(id: string, version: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const exists = await trx
        .selectFrom("bot_versions")
        .select("version")
        .where("bot_id", "=", id)
        .where("version", "=", version)
        .executeTakeFirst();
      if (!exists) return false;
      await trx.updateTable("bots").set({ deployed_version: version, updated_at: isoNow() }).where("id", "=", id).execute();
      return true;
    });
  }

  async versions(id: string): Promise<VersionSummary[]> {
    const rows = await this.db
      .selectFrom("bot_versions")
      .select(["version", "note", "created_by", "created_at"])
      .where("bot_id", "=", id)
      .orderBy("version", "desc")
      .execute();
    return rows.map((r) => ({ version: r.version, note: r.note, createdBy: r.created_by, createdAt: r.created_at }));
  }

  async version(id: string, version: number): Promise<VersionRecord | undefined> {
    const row = await this.db
      .selectFrom("bot_versions")
      .selectAll()
      .where("bot_id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return (
      row && {
        version: row.version,
        note: row.note,
        createdBy: row.created_by,
        createdAt: row.created_at,
        snapshot: this.parseBot(row.snapshot),
      }
    );
  }

  /** The version the runtime serves, or undefined before the first deploy. */
  async deployed(id: string): Promise<VersionRecord | undefined> {
    const bot = await this.summary(id);
    if (!bot || bot.deployedVersion === null) return undefined;
    return this.version(id, bot.deployedVersion);
  }

  private async summaryIn(trx: Transaction<Database>, id: string): Promise<BotSummary | undefined> {
    const row = await trx
      .selectFrom("bots")
      .select(["id", "workspace_id", "name", "draft_revision", "deployed_version", "created_at", "updated_at"])
      .where("id", "=", id)
      .executeTakeFirst();
    return row && toSummary(row);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function toSummary(
  row: Pick<Database["bots"], "id" | "workspace_id" | "name" | "draft_revision" | "deployed_version" | "created_at" | "updated_at">,
): BotSummary {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    draftRevision: Number(row.draft_revision),
    deployedVersion: row.deployed_version === null ? null : Number(row.deployed_version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
