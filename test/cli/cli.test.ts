/**
 * The `botcenter` command as scripts use it: spawned as a process, judged by exit code and output.
 * Each test has its own SQLite file; state a test does not exercise is prepared in-process.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { CLI_ACTOR } from "../../src/cli/shared.js";
import { parseBotFile, serializeBotFile } from "../../src/core/bot/bot-file.js";
import { importBot } from "../../src/services/bots.js";
import { verifyPassword } from "../../src/services/passwords.js";
import { openStore, type Store } from "../../src/store/store.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const MAIN = join(ROOT, "src/cli/main.ts");
const FIXTURES = fileURLToPath(new URL("../fixtures/bots/", import.meta.url));
const CAFE = join(FIXTURES, "cafe.yaml");
const BROKEN = join(FIXTURES, "broken.yaml");

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "botcenter-cli-"));
  dirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with a clean environment (no DATABASE_URL from the caller leaks in). */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return node([MAIN, ...args], env);
}

function node(args: string[], env: Record<string, string>): Promise<Run> {
  const base: Record<string, string> = {};
  for (const key of ["PATH", "HOME", "TMPDIR", "LANG"]) {
    const value = process.env[key];
    if (value !== undefined) base[key] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], {
      cwd: ROOT,
      env: { ...base, BOTCENTER_DATA_DIR: tempDir(), LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs several invocations that touch no database (help, usage and configuration errors) in one
 * process: main.ts is imported afresh per invocation with its own argv and environment, and its exit
 * code is what it leaves in process.exitCode. Saves a Node start-up per case; the cases that matter
 * most are also run as real processes below.
 */
const BATCH_SCRIPT = `
import { pathToFileURL } from "node:url";
const runs = JSON.parse(process.env.CLI_BATCH);
const main = process.env.CLI_MAIN;
const codes = [];
for (const [i, run] of runs.entries()) {
  process.stdout.write("\\n@@run@@\\n");
  process.stderr.write("\\n@@run@@\\n");
  const saved = { ...process.env };
  Object.assign(process.env, run.env);
  process.argv = [process.execPath, main, ...run.args];
  process.exitCode = undefined;
  await import(pathToFileURL(main).href + "?run=" + i);
  codes.push(process.exitCode ?? 0);
  for (const key of Object.keys(run.env)) if (saved[key] === undefined) delete process.env[key]; else process.env[key] = saved[key];
}
process.stdout.write("\\n@@codes " + JSON.stringify(codes) + "\\n");
process.exitCode = 0;
`;

async function cliBatch(runs: Array<{ args: string[]; env?: Record<string, string> }>): Promise<Run[]> {
  const whole = await node(["--input-type=module", "-e", BATCH_SCRIPT], {
    CLI_MAIN: MAIN,
    CLI_BATCH: JSON.stringify(runs.map((r) => ({ args: r.args, env: r.env ?? {} }))),
  });
  assert.equal(whole.code, 0, whole.stderr);
  const codes = JSON.parse(/@@codes (.*)\n/.exec(whole.stdout)?.[1] ?? "[]") as number[];
  const outs = whole.stdout
    .replace(/\n@@codes .*\n$/, "")
    .split("\n@@run@@\n")
    .slice(1);
  const errs = whole.stderr.split("\n@@run@@\n").slice(1);
  assert.equal(codes.length, runs.length, whole.stderr);
  return codes.map((code, i) => ({ code, stdout: outs[i] ?? "", stderr: errs[i] ?? "" }));
}

function database(): { url: string; dir: string } {
  const dir = tempDir();
  return { url: `sqlite:${join(dir, "botcenter.db")}`, dir };
}

async function withStore<T>(url: string, body: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(url);
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

function botIdFrom(stdout: string): string {
  const match = /bot ([0-9a-f]{24}) /.exec(stdout);
  assert.ok(match?.[1], `no bot id in: ${stdout}`);
  return match[1];
}

describe("botcenter CLI", { concurrency: 2 }, () => {
  test("--help works for the program and every command", async () => {
    const commands = [
      ["start"],
      ["migrate"],
      ["import"],
      ["export"],
      ["deploy"],
      ["versions"],
      ["rollback"],
      ["users"],
      ["users", "create"],
      ["users", "reset-password"],
    ];
    const [program, runs] = await Promise.all([cli(["--help"]), cliBatch(commands.map((c) => ({ args: [...c, "--help"] })))]);
    assert.equal(program.code, 0, program.stderr);
    for (const name of ["start", "migrate", "import", "export", "deploy", "versions", "rollback", "users"]) {
      assert.match(program.stdout, new RegExp(`\\n  ${name}\\b`), `${name} is listed`);
    }
    runs.forEach((run, i) => {
      const name = commands[i]?.join(" ") ?? "";
      assert.equal(run.code, 0, `${name} --help: ${run.stderr}`);
      assert.match(run.stdout, new RegExp(`Usage: botcenter ${name} `), name);
    });
    assert.match(runs[2]?.stdout ?? "", /--into/);
  });

  test("bad usage exits 2", async () => {
    const [real, runs] = await Promise.all([
      cli(["frobnicate"]),
      cliBatch([
        { args: ["export"] },
        { args: ["export", "bot", "--format", "xml"] },
        { args: ["rollback", "bot", "vX"] },
        { args: ["users", "create", "a@example.com", "--role", "boss", "--password", "long-enough-1"] },
        { args: ["users", "create", "a@example.com", "--password", "short"] },
        { args: ["deploy", "bot", "--no-such-flag"] },
      ]),
    ]);
    assert.equal(real.code, 2, real.stderr);
    assert.match(real.stderr, /unknown command 'frobnicate'/);
    for (const run of runs) assert.equal(run.code, 2, `expected exit 2, got ${run.code}: ${run.stderr}`);
    assert.match(runs[0]?.stderr ?? "", /missing required argument 'bot'/);
    assert.match(runs[1]?.stderr ?? "", /--format: must be yaml or json/);
    assert.match(runs[2]?.stderr ?? "", /version: must be a positive whole number/);
    assert.match(runs[3]?.stderr ?? "", /--role/);
    assert.match(runs[4]?.stderr ?? "", /password: at least 10 characters/);
    assert.match(runs[5]?.stderr ?? "", /unknown option '--no-such-flag'/);
  });

  test("bad configuration exits 3 with a message naming the variable", async () => {
    const { url } = database();
    const [port, [db, migrate, level]] = await Promise.all([
      cli(["start", "--database", url], { PORT: "abc" }),
      cliBatch([
        { args: ["versions", "x", "--database", "nonsense"] },
        { args: ["migrate"], env: { DATABASE_URL: "mysql://x" } },
        { args: ["start", "--database", url, "--log-level", "chatty"] },
      ]),
    ]);
    assert.ok(db && migrate && level);
    assert.equal(level.code, 3);
    assert.match(level.stderr, /LOG_LEVEL/);
    assert.equal(port.code, 3, port.stderr);
    assert.match(port.stderr, /PORT: must be a number/);
    assert.equal(db.code, 3, db.stderr);
    assert.match(db.stderr, /DATABASE_URL: must start with sqlite: or postgres:\/\//);
    assert.equal(migrate.code, 3);
    assert.match(migrate.stderr, /DATABASE_URL/);
  });

  test("importing a bad file exits 1, lists every error with its line, and writes nothing", async () => {
    const { url } = database();
    const run = await cli(["import", BROKEN, "--database", url]);
    assert.equal(run.code, 1, `stdout: ${run.stdout}\nstderr: ${run.stderr}`);
    assert.match(run.stderr, /5 error\(s\); nothing was imported/);
    assert.match(run.stderr, /scenarios\[0\]\.blocks\[0\]\.quickReplies\[0\]\.blockId \(line 14:\d+\): unknown block "reservaton"/);
    assert.match(run.stderr, /scenarios\[1\]\.blocks\[0\]\.parameters\[1\]\.entity \(line 26:\d+\): unknown entity "roomType"/);
    assert.match(run.stderr, /scenarios\[1\]\.blocks\[1\]\.id \(line 27:\d+\): duplicate block id/);
    assert.match(run.stderr, /scenarios\[1\]\.blocks\[2\]\.eventName \(line 30:\d+\)/);
    assert.match(run.stderr, /parameters\[0\]\.prompts \(line 22:\d+\)/);
    assert.equal(run.stdout, "", "nothing reported as imported");
    await withStore(url, async (store) => {
      const rows = await store.connection.db.selectFrom("bots").select("id").execute();
      assert.equal(rows.length, 0);
    });

    const missing = await cli(["import", join(FIXTURES, "no-such-file.yaml"), "--database", url, "--no-progress"]);
    assert.equal(missing.code, 1, missing.stderr);
    assert.match(missing.stderr, /cannot read/);
  });

  test("with several files, each is all-or-nothing and the exit code reports the failure", async () => {
    const { url } = database();
    const run = await cli(["import", CAFE, BROKEN, "--database", url, "--no-progress"]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /cafe\.yaml: imported as bot/);
    assert.match(run.stderr, /1 of 2 file\(s\) had errors/);
    await withStore(url, async (store) => {
      const rows = await store.connection.db.selectFrom("bots").select("name").execute();
      assert.deepEqual(
        rows.map((r) => r.name),
        ["하루커피 주문 도우미"],
      );
    });
  });

  test("import → export → import → export is byte-identical in YAML and JSON", async () => {
    const { url, dir } = database();
    const first = await cli(["import", CAFE, "--database", url]);
    assert.equal(first.code, 0, first.stderr);
    const id = botIdFrom(first.stdout);
    const yamlFile = join(dir, "export.yaml");
    const jsonFile = join(dir, "export.json");
    const [y, j] = await cliBatch([
      { args: ["export", id, "-o", yamlFile, "--database", url] },
      { args: ["export", id, "--format", "json", "--database", url] },
    ]);
    assert.ok(y && j);
    assert.equal(y.code, 0, y.stderr);
    assert.equal(j.code, 0, j.stderr);
    writeFileSync(jsonFile, j.stdout);
    const yamlText = readFileSync(yamlFile, "utf8");
    const parsed = parseBotFile(yamlText);
    assert.ok(parsed.ok);
    assert.equal(serializeBotFile(parsed.bot, "json"), j.stdout, "YAML and JSON exports hold the same bot");

    const again = await cli(["import", yamlFile, jsonFile, "--database", url, "--no-progress"]);
    assert.equal(again.code, 0, again.stderr);
    const ids = [...again.stdout.matchAll(/bot ([0-9a-f]{24}) /g)].map((m) => m[1] ?? "");
    assert.equal(ids.length, 2);
    const [y2, j2] = await cliBatch([
      { args: ["export", ids[0] ?? "", "--database", url] },
      { args: ["export", ids[1] ?? "", "--format", "json", "--database", url] },
    ]);
    assert.ok(y2 && j2);
    assert.equal(y2.stdout, yamlText);
    assert.equal(j2.stdout, j.stdout);
  });

  test("deploy, versions and rollback", async () => {
    const { url } = database();
    const bot = await withStore(url, async (store) => {
      const workspace = await store.accounts.createWorkspace("기본 워크스페이스");
      return importBot(store, CLI_ACTOR, { workspaceId: workspace.id, content: readFileSync(CAFE, "utf8") });
    });
    const v1 = await cli(["deploy", bot.id, "-m", "첫 배포", "--database", url]);
    assert.equal(v1.code, 0, v1.stderr);
    assert.equal(v1.stdout, "deployed 하루커피 주문 도우미 as v1\n");

    await withStore(url, async (store) => {
      const current = await store.bots.get(bot.id);
      assert.ok(current);
      const cafe = current.draft.scenarios.find((s) => s.id === "cafe");
      const hours = cafe?.blocks.find((b) => b.id === "hours");
      assert.ok(cafe && hours);
      hours.utterances.push("오늘 몇 시에 닫아요");
      await store.bots.saveDraft(bot.id, current.draft);
    });
    const v2 = await cli(["deploy", "하루커피 주문 도우미", "--note", "영업시간 질문 추가", "--database", url]);
    assert.equal(v2.code, 0, v2.stderr);
    assert.match(v2.stdout, /as v2/);

    const rolled = await cli(["rollback", bot.id, "v1", "--database", url]);
    assert.equal(rolled.code, 0, rolled.stderr);
    assert.equal(rolled.stdout, "하루커피 주문 도우미 now serves v1\n");

    const [list, asJson, missing, unknownBot] = await cliBatch([
      { args: ["versions", bot.id, "--database", url] },
      { args: ["versions", bot.id, "--json", "--database", url] },
      { args: ["rollback", bot.id, "9", "--database", url] },
      { args: ["deploy", "없는 봇", "--database", url] },
    ]);
    assert.ok(list && asJson && missing && unknownBot);
    assert.equal(list.code, 0, list.stderr);
    const lines = list.stdout.split("\n");
    assert.match(lines[0] ?? "", /^ {2}v2 .* cli {2}영업시간 질문 추가$/);
    assert.match(lines[1] ?? "", /^\* v1 .* cli {2}첫 배포$/);
    assert.match(list.stdout, /draft vs v1: 0 block\(s\) added, 1 changed, 0 removed/);
    assert.match(list.stdout, / {2}~ 영업시간 \(utterances\)/);
    const parsed = JSON.parse(asJson.stdout) as { deployedVersion: number; versions: Array<{ version: number; note: string }> };
    assert.equal(parsed.deployedVersion, 1);
    assert.deepEqual(
      parsed.versions.map((v) => [v.version, v.note]),
      [
        [2, "영업시간 질문 추가"],
        [1, "첫 배포"],
      ],
    );
    assert.equal(missing.code, 1, missing.stderr);
    assert.match(missing.stderr, /version 9 .*not found/);
    assert.equal(unknownBot.code, 1);
    assert.match(unknownBot.stderr, /no bot with id or name "없는 봇"/);
    await withStore(url, async (store) => {
      assert.equal((await store.bots.summary(bot.id))?.deployedVersion, 1);
      assert.deepEqual(
        (await store.bots.versions(bot.id)).map((v) => v.createdBy),
        ["cli", "cli"],
      );
    });
  });

  test("users create and reset-password", async () => {
    const { url } = database();
    const first = await cli(["users", "create", "Owner@Example.com", "--database", url], { BOTCENTER_PASSWORD: "first-owner-pass" });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /created Owner@Example\.com as owner of workspace/);
    const second = await cli([
      "users",
      "create",
      "viewer@example.com",
      "--role",
      "viewer",
      "--password",
      "viewer-pass-123",
      "--database",
      url,
    ]);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /as viewer of workspace/);
    const [dup, reset, nobody] = await cliBatch([
      { args: ["users", "create", "owner@example.com", "--password", "another-pass-1", "--database", url] },
      { args: ["users", "reset-password", "viewer@example.com", "--database", url], env: { BOTCENTER_PASSWORD: "viewer-new-pass-456" } },
      { args: ["users", "reset-password", "ghost@example.com", "--password", "whatever-123", "--database", url] },
    ]);
    assert.ok(dup && reset && nobody);
    assert.equal(dup.code, 1);
    assert.match(dup.stderr, /already has an account/);
    assert.equal(reset.code, 0, reset.stderr);
    assert.match(reset.stdout, /password reset for viewer@example\.com/);
    assert.equal(nobody.code, 1);

    await withStore(url, async (store) => {
      const owner = await store.accounts.findUserByEmail("owner@example.com");
      const viewer = await store.accounts.findUserByEmail("viewer@example.com");
      assert.ok(owner && viewer);
      const [ws] = await store.accounts.membershipsOf(owner.id);
      assert.equal(ws?.role, "owner");
      assert.equal(await store.accounts.roleIn(ws?.workspaceId ?? "", viewer.id), "viewer");
      assert.ok(await verifyPassword("first-owner-pass", owner.passwordHash));
      assert.ok(await verifyPassword("viewer-new-pass-456", viewer.passwordHash));
      assert.equal(await verifyPassword("viewer-pass-123", viewer.passwordHash), false);
    });
  });

  test("users reset-password ends the user's sessions", async () => {
    const { url } = database();
    const cookie = await withStore(url, async (store) => {
      const user = await store.accounts.createUser({ email: "s@example.com", name: "s", passwordHash: "scrypt$x" });
      return (await store.auth.createSession(user.id, 1)).cookie;
    });
    const run = await cli(["users", "reset-password", "s@example.com", "--password", "brand-new-pass-1", "--database", url]);
    assert.equal(run.code, 0, run.stderr);
    await withStore(url, async (store) => {
      assert.equal(await store.auth.findSession(cookie), undefined);
    });
  });

  test("migrate applies pending migrations once", async () => {
    const { url } = database();
    const [first, second] = await cliBatch([{ args: ["migrate", "--database", url] }, { args: ["migrate", "--database", url] }]);
    assert.ok(first && second);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^applied: 0001-initial/);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(second.stdout, "the database is up to date\n");
  });
});
