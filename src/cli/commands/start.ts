import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import type { Store } from "../../store/store.js";
import { CliError, configFromFlags, EXIT, redactUrl, withStoreOptions } from "../shared.js";

const WEB_ROOT = fileURLToPath(new URL("../../../web/dist", import.meta.url));
const HELP_ARTICLES = fileURLToPath(new URL("../../../help/articles", import.meta.url));

export function registerStart(program: Command): void {
  withStoreOptions(
    program
      .command("start")
      .description("start the admin API, admin center and chat on one port (migrates the database first)")
      .option("-p, --port <port>", "port (default: PORT or 3000)")
      .option("--host <host>", "interface (default: HOST or 127.0.0.1)")
      .option("--log-level <level>", "fatal|error|warn|info|debug|trace|silent (default: LOG_LEVEL or info)"),
  ).action(async (flags: { port?: string; host?: string; logLevel?: string; database?: string; dataDir?: string }) => {
    const config = configFromFlags(flags);
    // The server is loaded only here, so other commands (and --help) start fast.
    const [{ HelpService }, { createLogger }, { buildServer }, { bootstrapOwner }, { openStore }] = await Promise.all([
      import("../../help/help-service.js"),
      import("../../logger.js"),
      import("../../server/app.js"),
      import("../../services/bootstrap.js"),
      import("../../store/store.js"),
    ]);
    const logger = createLogger(config.logLevel);
    const pause = Number(process.env.BOTCENTER_TEST_DEPLOY_PAUSE_MS ?? 0);
    let store: Store;
    try {
      store = await openStore(config.databaseUrl, { deployHooks: { pauseInsideTransactionMs: pause > 0 ? pause : undefined } });
    } catch (error) {
      throw new CliError(
        `cannot open the database (${redactUrl(config.databaseUrl)}): ${error instanceof Error ? error.message : error}`,
        EXIT.environment,
      );
    }
    const boot = await bootstrapOwner(store, { email: config.adminEmail, password: config.adminPassword });
    if (boot.kind === "owner-created") logger.info({ email: boot.email }, "created the owner account from BOTCENTER_ADMIN_EMAIL");
    if (boot.kind === "setup-link") {
      // Printed (not only logged) so the person starting botcenter sees it; valid once, for 30 minutes.
      const link = `${config.publicUrl}/setup?token=${boot.token}`;
      logger.warn({ expiresAt: boot.expiresAt }, "no account exists yet: open the one-time setup link printed on the console");
      process.stderr.write(`\n  botcenter has no owner yet. Create one within 30 minutes at:\n  ${link}\n\n`);
    }
    const help = new HelpService(store);
    const seeded = await help.seedFromFolder(HELP_ARTICLES);
    if (seeded.added > 0) logger.info({ added: seeded.added }, "loaded the built-in help articles");
    for (const error of seeded.errors) logger.warn({ error }, "skipped a help article file");
    const app = await buildServer({ config, store, logger, webRoot: WEB_ROOT, help });
    const shutdown = async (signal: string) => {
      logger.info({ signal }, "shutting down");
      await app.close();
      await store.close();
      process.exit(0);
    };
    process.once("SIGTERM", () => void shutdown("SIGTERM"));
    process.once("SIGINT", () => void shutdown("SIGINT"));
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      await store.close();
      throw new CliError(
        `cannot listen on ${config.host}:${config.port}: ${error instanceof Error ? error.message : error}`,
        EXIT.environment,
      );
    }
    logger.info({ url: config.publicUrl, database: store.connection.dialect }, "botcenter is running");
  });
}
