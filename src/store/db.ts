/**
 * Opens the store: an embedded SQLite file (better-sqlite3, WAL) by default, or PostgreSQL when the
 * URL says postgres://. Everything above this file speaks Kysely and does not care which.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { SqlDialect } from "./dialect.js";
import type { Database } from "./schema.js";

export interface StoreConnection {
  db: Kysely<Database>;
  dialect: SqlDialect;
  close(): Promise<void>;
}

export function sqliteFileFromUrl(url: string): string {
  const file = url.slice("sqlite:".length);
  return file === ":memory:" ? file : resolve(file);
}

/** Opens (and for SQLite, creates) the database named by `url`. */
export function openDatabase(url: string): StoreConnection {
  if (url.startsWith("sqlite:")) {
    const file = sqliteFileFromUrl(url);
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    const sqlite = new SqliteDatabase(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    // Durability of a committed deploy matters more than a few microseconds per write.
    sqlite.pragma("synchronous = FULL");
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, dialect: "sqlite", close: () => db.destroy() };
  }
  // bigint columns (audit ids) come back as strings from pg; our ids are small, read them as numbers.
  pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", close: () => db.destroy() };
}
