/**
 * Databases for tests: a fresh SQLite file per call, and — when TEST_DATABASE_URL (or DATABASE_URL)
 * names a PostgreSQL server — a fresh schema on it per call, so test files can run in parallel.
 * CI sets BOTCENTER_REQUIRE_POSTGRES=1 so a missing server fails instead of skipping.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface TestDatabase {
  dialect: "sqlite" | "postgres";
  url: string;
  drop(): Promise<void>;
}

export function postgresUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  return url?.startsWith("postgres") ? url : undefined;
}

/** The dialects to run store tests on: always SQLite, plus PostgreSQL when a server is configured. */
export function testDialects(): Array<"sqlite" | "postgres"> {
  if (postgresUrl()) return ["sqlite", "postgres"];
  if (process.env.BOTCENTER_REQUIRE_POSTGRES === "1") {
    throw new Error("BOTCENTER_REQUIRE_POSTGRES=1 but neither TEST_DATABASE_URL nor DATABASE_URL names a PostgreSQL server");
  }
  return ["sqlite"];
}

export async function createTestDatabase(dialect: "sqlite" | "postgres"): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "botcenter-test-"));
    return {
      dialect,
      url: `sqlite:${join(dir, "test.db")}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = postgresUrl();
  if (!base) throw new Error("no PostgreSQL URL for tests");
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    dialect,
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}
