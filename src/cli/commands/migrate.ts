import type { Command } from "commander";
import { openDatabase } from "../../store/db.js";
import { migrateToLatest } from "../../store/migrate.js";
import { CliError, configFromFlags, EXIT, redactUrl, withStoreOptions } from "../shared.js";

export function registerMigrate(program: Command): void {
  withStoreOptions(program.command("migrate").description("apply pending database migrations and exit (start does this too)")).action(
    async (flags: { database?: string; dataDir?: string }) => {
      const config = configFromFlags(flags);
      const conn = openDatabase(config.databaseUrl);
      try {
        const applied = await migrateToLatest(conn.db, conn.dialect);
        process.stdout.write(applied.length > 0 ? `applied: ${applied.join(", ")}\n` : "the database is up to date\n");
      } catch (error) {
        throw new CliError(
          `migration failed on ${redactUrl(config.databaseUrl)}: ${error instanceof Error ? error.message : error}`,
          EXIT.environment,
        );
      } finally {
        await conn.close();
      }
    },
  );
}
