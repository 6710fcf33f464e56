/**
 * Schema migrations, run in order inside the Kysely migrator (which takes a lock so two processes
 * starting at once against PostgreSQL do not both migrate). Migrations are plain modules listed
 * here, so the compiled build needs no file scanning.
 */
import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from "kysely";
import type { SqlDialect } from "./dialect.js";
import * as m0001 from "./migrations/0001-initial.js";
import * as m0002 from "./migrations/0002-channels.js";
import * as m0003 from "./migrations/0003-callbacks-gateway.js";
import * as m0004 from "./migrations/0004-help.js";
import * as m0005 from "./migrations/0005-invitations.js";

type MigrationModule = { up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> };
const MIGRATIONS: Record<string, MigrationModule> = {
  "0001-initial": m0001,
  "0002-channels": m0002,
  "0003-callbacks-gateway": m0003,
  "0004-help": m0004,
  "0005-invitations": m0005,
};

function migrationsFor(dialect: SqlDialect): Record<string, Migration> {
  return Object.fromEntries(Object.entries(MIGRATIONS).map(([name, mod]) => [name, { up: (db: Kysely<unknown>) => mod.up(db, dialect) }]));
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration?: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

/** Applies every pending migration; returns the names applied. Throws MigrationError on failure. */
export async function migrateToLatest<DB>(db: Kysely<DB>, dialect: SqlDialect): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrationsFor(dialect) },
    migrationTableName: "botcenter_migrations",
    migrationLockTableName: "botcenter_migrations_lock",
    // Kysely looks for its tables in every schema unless told which; name the current one so a
    // second botcenter schema in the same PostgreSQL database is not mistaken for this one.
    migrationTableSchema: dialect === "postgres" ? await currentSchema(db) : undefined,
  });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${failed?.migrationName ?? "?"} failed: ${reason}`, failed?.migrationName);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

async function currentSchema<DB>(db: Kysely<DB>): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? undefined;
}
