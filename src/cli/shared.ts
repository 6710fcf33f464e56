/** What every CLI command shares: config and store from flags, bot lookup, exit codes. */
import type { Command } from "commander";
import { type Config, ConfigError, loadConfig } from "../config/config.js";
import type { Actor } from "../services/actor.js";
import { AppError } from "../services/errors.js";
import type { BotSummary } from "../store/bots-repo.js";
import { MigrationError } from "../store/migrate.js";
import { openStore, type Store } from "../store/store.js";

/** Exit codes scripts can rely on. */
export const EXIT = {
  ok: 0,
  /** The operation ran and failed: invalid file, unknown bot, failed story... */
  failed: 1,
  /** Bad command-line usage (commander's own errors use this too). */
  usage: 2,
  /** Configuration or database problem: nothing was attempted. */
  environment: 3,
} as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export const CLI_ACTOR: Actor = { kind: "system", label: "cli" };

/** Adds --database and --data-dir to a command that touches the store. */
export function withStoreOptions(command: Command): Command {
  return command
    .option("--database <url>", "database URL (sqlite:<file> or postgres://...); default: DATABASE_URL or ./data/botcenter.db")
    .option("--data-dir <dir>", "data folder for the embedded database (default: BOTCENTER_DATA_DIR or ./data)");
}

export interface StoreFlags {
  database?: string;
  dataDir?: string;
}

export function configFromFlags(flags: StoreFlags & { port?: string; host?: string; logLevel?: string }): Config {
  try {
    return loadConfig(process.env, {
      DATABASE_URL: flags.database,
      BOTCENTER_DATA_DIR: flags.dataDir,
      PORT: flags.port,
      HOST: flags.host,
      LOG_LEVEL: flags.logLevel,
    });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, EXIT.environment);
    throw error;
  }
}

export async function openCliStore(flags: StoreFlags): Promise<{ store: Store; config: Config }> {
  const config = configFromFlags(flags);
  try {
    return { store: await openStore(config.databaseUrl), config };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`cannot open the database (${redactUrl(config.databaseUrl)}): ${reason}`, EXIT.environment);
  }
}

/** Hides the password in a database URL before it is printed. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

/** Finds a bot by id or by its (unique) name. */
export async function resolveBot(store: Store, ref: string): Promise<BotSummary> {
  const byId = await store.bots.summary(ref);
  if (byId) return byId;
  const rows = await store.connection.db.selectFrom("bots").select("id").where("name", "=", ref).execute();
  if (rows.length === 1 && rows[0]) {
    const bot = await store.bots.summary(rows[0].id);
    if (bot) return bot;
  }
  if (rows.length > 1) throw new CliError(`bot name "${ref}" is ambiguous (${rows.length} bots); use the id`);
  throw new CliError(`no bot with id or name "${ref}"`);
}

/** The workspace for CLI-created bots: the named one, or the oldest (created when none exists). */
export async function resolveWorkspace(store: Store, ref?: string): Promise<string> {
  if (ref) {
    if (!(await store.accounts.workspaceExists(ref))) throw new CliError(`no workspace with id "${ref}"`);
    return ref;
  }
  const first = await store.connection.db.selectFrom("workspaces").select("id").orderBy("created_at").limit(1).executeTakeFirst();
  if (first) return first.id;
  return (await store.accounts.createWorkspace("기본 워크스페이스")).id;
}

/** Runs a command body with the store open, mapping known errors to messages and exit codes. */
export async function withStore<T>(flags: StoreFlags, body: (store: Store, config: Config) => Promise<T>): Promise<T> {
  const { store, config } = await openCliStore(flags);
  try {
    return await body(store, config);
  } finally {
    await store.close();
  }
}

export function describeError(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof AppError) {
    const lines = [error.message];
    for (const d of error.details ?? []) {
      const where = d.line ? ` (line ${d.line}${d.column ? `:${d.column}` : ""})` : "";
      lines.push(`  - ${d.path || "(document)"}${where}: ${d.message}`);
    }
    return { message: lines.join("\n"), exitCode: EXIT.failed };
  }
  if (error instanceof MigrationError || error instanceof ConfigError) return { message: error.message, exitCode: EXIT.environment };
  return { message: error instanceof Error ? (error.stack ?? error.message) : String(error), exitCode: EXIT.failed };
}
