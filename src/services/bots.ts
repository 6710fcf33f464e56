/**
 * Bot operations behind the admin API and the CLI: create, import, edit the draft, deploy, roll
 * back. Each one checks the actor's role first and writes an audit entry after.
 */
import { type BotFileFormat, parseBotFile, serializeBotFile } from "../core/bot/bot-file.js";
import { createBotFile } from "../core/bot/defaults.js";
import { type BotDiff, diffBots } from "../core/bot/diff.js";
import type { BotFile } from "../core/bot/schema.js";
import { validateBot } from "../core/bot/validate.js";
import type { BotRecord, BotSummary, VersionSummary } from "../store/bots-repo.js";
import { RevisionConflictError } from "../store/bots-repo.js";
import type { Store } from "../store/store.js";
import { type Actor, actorLabel, roleOf } from "./actor.js";
import { AppError, badRequest, conflict, notFound, validationFailed } from "./errors.js";
import { type Permission, requirePermission } from "./roles.js";

/** Loads a bot and checks that the actor may `permission` it. Unknown and foreign bots look alike. */
export async function authorizeBot(store: Store, actor: Actor, botId: string, permission: Permission): Promise<BotSummary> {
  const bot = await store.bots.summary(botId);
  if (!bot) throw notFound(`bot ${botId}`);
  const role = await roleOf(store, actor, bot.workspaceId);
  if (role === undefined) throw notFound(`bot ${botId}`);
  requirePermission(role, permission);
  return bot;
}

export async function authorizeWorkspace(store: Store, actor: Actor, workspaceId: string, permission: Permission): Promise<void> {
  const role = await roleOf(store, actor, workspaceId);
  if (role === undefined) throw notFound(`workspace ${workspaceId}`);
  requirePermission(role, permission);
}

/** The workspace to use when a request names none: the token's, or the user's first. */
export async function defaultWorkspace(store: Store, actor: Actor): Promise<string> {
  if (actor.kind === "token") return actor.workspaceId;
  if (actor.kind === "system") throw new AppError(400, "workspace_required", "workspace: name one with --workspace");
  const memberships = await store.accounts.membershipsOf(actor.userId);
  const first = memberships[0];
  if (!first) throw new AppError(403, "forbidden", "you are not a member of any workspace");
  return first.workspaceId;
}

export async function createBot(
  store: Store,
  actor: Actor,
  workspaceId: string,
  fields: { name: string; description?: string; timezone?: string; language?: "ko" | "en" },
): Promise<BotRecord> {
  await authorizeWorkspace(store, actor, workspaceId, "bot:write");
  const draft = (() => {
    try {
      return createBotFile(fields);
    } catch {
      const check = validateBot({ schemaVersion: 1, ...fields, scenarios: [{ id: "default", name: "기본 시나리오", blocks: [] }] });
      throw check.ok ? badRequest("invalid_bot", "the bot could not be created") : validationFailed(check.errors);
    }
  })();
  const bot = await store.bots.create(workspaceId, draft);
  await store.activity.audit({ workspaceId, actor: actorLabel(actor), action: "bot.create", target: bot.id, detail: { name: bot.name } });
  return bot;
}

/** Parses and validates a whole bot file; nothing is written unless every check passes. */
export function parseImport(content: string): BotFile {
  const parsed = parseBotFile(content);
  if (!parsed.ok) {
    throw new AppError(
      422,
      "invalid_bot_file",
      `the bot file has ${parsed.errors.length} error(s); nothing was imported`,
      parsed.errors[0]?.path,
      parsed.errors,
    );
  }
  return parsed.bot;
}

/** Imports as a new bot, or (with `intoBotId`) replaces that bot's draft. All or nothing. */
export async function importBot(
  store: Store,
  actor: Actor,
  options: { workspaceId: string; content?: string; bot?: unknown; intoBotId?: string },
): Promise<BotRecord> {
  let draft: BotFile;
  if (options.content !== undefined) draft = parseImport(options.content);
  else {
    const result = validateBot(options.bot);
    if (!result.ok) {
      throw new AppError(
        422,
        "invalid_bot_file",
        `the bot has ${result.errors.length} error(s); nothing was imported`,
        result.errors[0]?.path,
        result.errors.map(({ path, message }) => ({ path, message })),
      );
    }
    draft = result.bot;
  }
  if (options.intoBotId) {
    const target = await authorizeBot(store, actor, options.intoBotId, "bot:write");
    await store.bots.saveDraft(target.id, draft);
    await store.activity.audit({ workspaceId: target.workspaceId, actor: actorLabel(actor), action: "bot.import", target: target.id });
    const updated = await store.bots.get(target.id);
    if (!updated) throw notFound(`bot ${target.id}`);
    return updated;
  }
  await authorizeWorkspace(store, actor, options.workspaceId, "bot:write");
  const bot = await store.bots.create(options.workspaceId, draft);
  await store.activity.audit({
    workspaceId: options.workspaceId,
    actor: actorLabel(actor),
    action: "bot.import",
    target: bot.id,
    detail: { name: bot.name },
  });
  return bot;
}

export async function saveDraft(store: Store, actor: Actor, botId: string, body: unknown, revision?: number): Promise<BotSummary> {
  const bot = await authorizeBot(store, actor, botId, "bot:write");
  const result = validateBot(body);
  if (!result.ok)
    throw validationFailed(result.errors.map(({ path, message }) => ({ path: path ? `body.bot.${path}` : "body.bot", message })));
  try {
    const saved = await store.bots.saveDraft(bot.id, result.bot, revision);
    await store.activity.audit({
      workspaceId: bot.workspaceId,
      actor: actorLabel(actor),
      action: "bot.draft.save",
      target: bot.id,
      detail: { revision: saved.draftRevision },
    });
    return saved;
  } catch (error) {
    if (error instanceof RevisionConflictError) throw conflict("revision_conflict", `revision: ${error.message}`, "revision");
    throw error;
  }
}

export async function exportBot(store: Store, actor: Actor, botId: string, format: BotFileFormat, version?: number): Promise<string> {
  const bot = await authorizeBot(store, actor, botId, "bot:read");
  if (version !== undefined) {
    const v = await store.bots.version(bot.id, version);
    if (!v) throw notFound(`version ${version} of bot ${botId}`);
    return serializeBotFile(v.snapshot, format);
  }
  const full = await store.bots.get(bot.id);
  if (!full) throw notFound(`bot ${botId}`);
  return serializeBotFile(full.draft, format);
}

export async function deployBot(store: Store, actor: Actor, botId: string, note: string): Promise<VersionSummary> {
  const bot = await authorizeBot(store, actor, botId, "bot:deploy");
  const full = await store.bots.get(bot.id);
  if (!full) throw notFound(`bot ${botId}`);
  // The draft was validated when saved; validate again so a schema change can never ship a bad bot.
  const check = validateBot(full.draft);
  if (!check.ok)
    throw validationFailed(
      check.errors.map(({ path, message }) => ({ path, message })),
      "the draft is not valid",
    );
  const version = await store.bots.deploy(bot.id, note, actorLabel(actor));
  await store.activity.audit({
    workspaceId: bot.workspaceId,
    actor: actorLabel(actor),
    action: "bot.deploy",
    target: bot.id,
    detail: { version: version.version, note },
  });
  return version;
}

export async function rollbackBot(store: Store, actor: Actor, botId: string, version: number): Promise<BotSummary> {
  const bot = await authorizeBot(store, actor, botId, "bot:deploy");
  if (!(await store.bots.rollback(bot.id, version))) throw notFound(`version ${version} of bot ${botId}`);
  await store.activity.audit({
    workspaceId: bot.workspaceId,
    actor: actorLabel(actor),
    action: "bot.rollback",
    target: bot.id,
    detail: { version },
  });
  const updated = await store.bots.summary(bot.id);
  if (!updated) throw notFound(`bot ${botId}`);
  return updated;
}

/** Differences from a version (default: the deployed one) to the draft. */
export async function diffDraft(store: Store, actor: Actor, botId: string, version?: number): Promise<{ from: number; diff: BotDiff }> {
  const bot = await authorizeBot(store, actor, botId, "bot:read");
  const from = version ?? bot.deployedVersion;
  if (from === null || from === undefined) throw notFound(`a deployed version of bot ${botId}`);
  const [v, full] = await Promise.all([store.bots.version(bot.id, from), store.bots.get(bot.id)]);
  if (!v) throw notFound(`version ${from} of bot ${botId}`);
  if (!full) throw notFound(`bot ${botId}`);
  return { from, diff: diffBots(v.snapshot, full.draft) };
}

export async function deleteBot(store: Store, actor: Actor, botId: string): Promise<void> {
  const bot = await authorizeBot(store, actor, botId, "bot:delete");
  await store.bots.delete(bot.id);
  await store.activity.audit({ workspaceId: bot.workspaceId, actor: actorLabel(actor), action: "bot.delete", target: bot.id });
}
