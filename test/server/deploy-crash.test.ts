/**
 * Crash safety of a deploy: the real server runs as a child process with the deploy transaction
 * paused between inserting the new version and moving the serving pointer. We kill -9 it right
 * there, restart it, and check that the previous version still serves and numbering is intact.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import SqliteDatabase from "better-sqlite3";
import pg from "pg";
import { sqliteFileFromUrl } from "../../src/store/db.js";
import { createTestDatabase, type TestDatabase, testDialects } from "../helpers/databases.js";
import { api, login, type Session } from "../helpers/server.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const MAIN = join(ROOT, "src/cli/main.ts");
const CAFE = readFileSync(new URL("../fixtures/bots/cafe.yaml", import.meta.url), "utf8");
const ADMIN = { email: "crash@example.com", password: "crash-test-password" };
const PAUSE_MS = 4000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface Server {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
}

async function startServer(databaseUrl: string, pauseMs?: number): Promise<Server> {
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    DATABASE_URL: databaseUrl,
    BOTCENTER_ADMIN_EMAIL: ADMIN.email,
    BOTCENTER_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: "warn",
  };
  if (pauseMs) env.BOTCENTER_TEST_DEPLOY_PAUSE_MS = String(pauseMs);
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, "start", "--port", String(port), "--host", "127.0.0.1"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => {
    output += d;
  });
  child.stderr?.setEncoding("utf8").on("data", (d: string) => {
    output += d;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor("the server to be ready", async () => {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${output}`);
    try {
      return (await fetch(`${baseUrl}/readyz`)).status === 200;
    } catch {
      return false;
    }
  });
  return { child, baseUrl, output: () => output };
}

async function stop(server: Server, signal: NodeJS.Signals): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.child.once("exit", () => resolve()));
  server.child.kill(signal);
  await exited;
}

/** True while some connection holds an open write transaction on the bot_versions table. */
function deployInFlight(database: TestDatabase): () => Promise<boolean> {
  if (database.dialect === "sqlite") {
    return async () => {
      const probe = new SqliteDatabase(sqliteFileFromUrl(database.url));
      try {
        probe.pragma("busy_timeout = 0");
        probe.exec("BEGIN IMMEDIATE");
        probe.exec("ROLLBACK");
        return false;
      } catch (error) {
        if (error instanceof Error && /SQLITE_BUSY|database is locked/i.test(`${"code" in error ? error.code : ""} ${error.message}`))
          return true;
        throw error;
      } finally {
        probe.close();
      }
    };
  }
  return async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `select count(*)::int as n from pg_stat_activity
          where state = 'idle in transaction' and query ilike 'insert into "bot_versions"%' and pid <> pg_backend_pid()`,
      );
      return Number(rows[0]?.n) > 0;
    } finally {
      await client.end();
    }
  };
}

async function body<T>(baseUrl: string, method: string, path: string, session: Session, payload?: unknown): Promise<T> {
  const res = await api(baseUrl, method, path, { session, body: payload });
  assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${res.text}`);
  return res.body as T;
}

for (const dialect of testDialects()) {
  describe(`deploy crash safety (${dialect})`, () => {
    test("kill -9 in the middle of a deploy leaves the previous version serving", { timeout: 240_000 }, async () => {
      const database = await createTestDatabase(dialect);
      let server = await startServer(database.url, PAUSE_MS);
      try {
        let session = await login(server.baseUrl, ADMIN.email, ADMIN.password);
        const bot = await body<{ id: string; draftRevision: number; draft: { description: string } }>(
          server.baseUrl,
          "POST",
          "/api/v1/bots/import",
          session,
          { content: CAFE },
        );
        const v1 = await body<{ version: number }>(server.baseUrl, "POST", `/api/v1/bots/${bot.id}/deploy`, session, { note: "v1" });
        assert.equal(v1.version, 1);
        const v1Description = bot.draft.description;

        await body(server.baseUrl, "PUT", `/api/v1/bots/${bot.id}/draft`, session, {
          revision: bot.draftRevision,
          bot: { ...bot.draft, description: "v2가 될 뻔한 초안" },
        });
        const pending = api(server.baseUrl, "POST", `/api/v1/bots/${bot.id}/deploy`, { session, body: { note: "v2" } }).then(
          (res) => `answered ${res.status}`,
          () => "connection lost",
        );
        // Wait until the deploy is inside its transaction (version row inserted, pointer not moved).
        await waitFor("the deploy transaction to start", deployInFlight(database), PAUSE_MS * 10);
        await stop(server, "SIGKILL");
        assert.equal(await pending, "connection lost", "the v2 deploy never completed");

        server = await startServer(database.url);
        session = await login(server.baseUrl, ADMIN.email, ADMIN.password);
        const versions = await body<{ deployedVersion: number; versions: Array<{ version: number; note: string }> }>(
          server.baseUrl,
          "GET",
          `/api/v1/bots/${bot.id}/versions`,
          session,
        );
        assert.equal(versions.deployedVersion, 1);
        assert.deepEqual(
          versions.versions.map((v) => [v.version, v.note]),
          [[1, "v1"]],
        );
        const served = await body<{ snapshot: { description: string } }>(
          server.baseUrl,
          "GET",
          `/api/v1/bots/${bot.id}/versions/1`,
          session,
        );
        assert.equal(served.snapshot.description, v1Description);
        const draft = await body<{ draft: { description: string } }>(server.baseUrl, "GET", `/api/v1/bots/${bot.id}`, session);
        assert.equal(draft.draft.description, "v2가 될 뻔한 초안", "the saved draft survived the crash");

        const v2 = await body<{ version: number }>(server.baseUrl, "POST", `/api/v1/bots/${bot.id}/deploy`, session, { note: "v2 again" });
        assert.equal(v2.version, 2);
        const after = await body<{ deployedVersion: number }>(server.baseUrl, "GET", `/api/v1/bots/${bot.id}/versions`, session);
        assert.equal(after.deployedVersion, 2);
      } finally {
        await stop(server, "SIGTERM");
        await database.drop();
      }
    });
  });
}
