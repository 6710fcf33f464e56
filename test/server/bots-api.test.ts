import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { parseBotFile } from "../../src/core/bot/bot-file.js";
import type { BotFile } from "../../src/core/bot/schema.js";
import { testDialects } from "../helpers/databases.js";
import { type ApiResponse, api, OWNER, startTestServer, type TestServer } from "../helpers/server.js";

const CAFE = readFileSync(new URL("../fixtures/bots/cafe.yaml", import.meta.url), "utf8");
const BROKEN = readFileSync(new URL("../fixtures/bots/broken.yaml", import.meta.url), "utf8");

function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  assert.ok(index >= 0, `"${needle}" not found`);
  return index + 1;
}

function json(res: ApiResponse): Record<string, unknown> {
  assert.ok(typeof res.body === "object" && res.body !== null, `not JSON (${res.status}): ${res.text}`);
  return res.body as Record<string, unknown>;
}

interface ErrorBody {
  code: string;
  message: string;
  path?: string;
  details?: Array<{ path: string; message: string; line?: number; column?: number }>;
}

function errorOf(res: ApiResponse): ErrorBody {
  return json(res).error as ErrorBody;
}

for (const dialect of testDialects()) {
  describe(`bots API (${dialect})`, () => {
    let s: TestServer;
    const as = (method: string, path: string, body?: unknown) => api(s.baseUrl, method, path, { session: s.owner, body });

    async function importCafe(content = CAFE): Promise<string> {
      const res = await as("POST", "/api/v1/bots/import", { content });
      assert.equal(res.status, 201, res.text);
      return String(json(res).id);
    }

    async function draftOf(botId: string): Promise<{ draft: BotFile; draftRevision: number }> {
      const res = await as("GET", `/api/v1/bots/${botId}`);
      assert.equal(res.status, 200, res.text);
      return json(res) as unknown as { draft: BotFile; draftRevision: number };
    }

    before(async () => {
      s = await startTestServer(dialect);
    });
    after(async () => {
      await s.close();
    });

    test("import → export → re-import → export is byte-identical (YAML and JSON)", async () => {
      const id = await importCafe();
      const bot = await draftOf(id);
      assert.equal(bot.draft.name, "하루커피 주문 도우미");
      assert.equal(bot.draftRevision, 1);
      for (const format of ["yaml", "json"] as const) {
        const first = await as("GET", `/api/v1/bots/${id}/export?format=${format}`);
        assert.equal(first.status, 200);
        assert.match(first.headers.get("content-type") ?? "", format === "json" ? /application\/json/ : /yaml/);
        const reimported = await importCafe(first.text);
        const second = await as("GET", `/api/v1/bots/${reimported}/export?format=${format}`);
        assert.equal(second.text, first.text, `${format} export changed after a round trip`);
        const parsed = parseBotFile(first.text);
        assert.ok(parsed.ok);
        assert.deepEqual(parsed.bot, bot.draft, "the export is the stored draft");
      }
    });

    test("import of an already-parsed document (`bot`) works and is validated the same way", async () => {
      const parsed = parseBotFile(CAFE);
      assert.ok(parsed.ok);
      const ok = await as("POST", "/api/v1/bots/import", { bot: parsed.bot });
      assert.equal(ok.status, 201, ok.text);
      const bad = await as("POST", "/api/v1/bots/import", { bot: { ...parsed.bot, timezone: "Nowhere/City" } });
      assert.equal(bad.status, 422);
      assert.equal(errorOf(bad).details?.[0]?.path, "timezone");
      const both = await as("POST", "/api/v1/bots/import", { bot: parsed.bot, content: CAFE });
      assert.equal(both.status, 400, "exactly one of content and bot");
    });

    test("a bad file is rejected with 422, every error by path and line, and nothing is written", async () => {
      const target = await importCafe();
      const before = await s.store.bots.list(s.workspaceId);
      const targetBefore = await s.store.bots.get(target);

      for (const intoBotId of [undefined, target]) {
        const res = await as("POST", "/api/v1/bots/import", { content: BROKEN, intoBotId });
        assert.equal(res.status, 422, res.text);
        const error = errorOf(res);
        assert.equal(error.code, "invalid_bot_file");
        assert.match(error.message, /5 error\(s\); nothing was imported/);
        const found = Object.fromEntries((error.details ?? []).map((d) => [d.path, d.line]));
        assert.deepEqual(found, {
          "scenarios[0].blocks[0].quickReplies[0].blockId": lineOf(BROKEN, "blockId: reservaton"),
          "scenarios[1].blocks[0].parameters[0].prompts": lineOf(BROKEN, "- name: when"),
          "scenarios[1].blocks[0].parameters[1].entity": lineOf(BROKEN, "entity: roomType"),
          "scenarios[1].blocks[1].id": lineOf(BROKEN, "name: 예약 확인") - 1,
          "scenarios[1].blocks[2].eventName": lineOf(BROKEN, "- id: reminder"),
        });
        for (const d of error.details ?? []) assert.ok(d.message.length > 0);
      }
      assert.deepEqual(await s.store.bots.list(s.workspaceId), before, "no bot was created or changed");
      const targetAfter = await s.store.bots.get(target);
      assert.equal(targetAfter?.draftRevision, targetBefore?.draftRevision);
      assert.deepEqual(targetAfter?.draft, targetBefore?.draft);
    });

    test("a YAML syntax error is a 422 with its line", async () => {
      const count = (await s.store.bots.list(s.workspaceId)).length;
      const broken = CAFE.replace("name: 하루커피 주문 도우미", 'name: "하루커피 주문 도우미');
      const res = await as("POST", "/api/v1/bots/import", { content: broken });
      assert.equal(res.status, 422);
      const detail = errorOf(res).details?.[0];
      assert.ok(detail?.line !== undefined && detail.line >= lineOf(broken, 'name: "하루커피'), JSON.stringify(detail));
      assert.equal((await s.store.bots.list(s.workspaceId)).length, count);
    });

    test("deploy creates v1, v2 with note, who and when; the runtime's version is the deployed one", async () => {
      const id = await importCafe();
      const started = Date.now();
      const v1 = await as("POST", `/api/v1/bots/${id}/deploy`, { note: "첫 배포" });
      assert.equal(v1.status, 201, v1.text);
      assert.equal(json(v1).version, 1);
      assert.equal(json(v1).note, "첫 배포");
      assert.equal(json(v1).createdBy, OWNER.email);
      const when = Date.parse(String(json(v1).createdAt));
      assert.ok(when >= started - 1000 && when <= Date.now() + 1000);

      const { draft, draftRevision } = await draftOf(id);
      const edited = structuredClone(draft);
      edited.description = "설명을 바꿨어요";
      const saved = await as("PUT", `/api/v1/bots/${id}/draft`, { revision: draftRevision, bot: edited });
      assert.equal(saved.status, 200, saved.text);
      const v2 = await as("POST", `/api/v1/bots/${id}/deploy`, {});
      assert.equal(json(v2).version, 2);
      assert.equal(json(v2).note, "");

      const versions = json(await as("GET", `/api/v1/bots/${id}/versions`));
      assert.equal(versions.deployedVersion, 2);
      assert.deepEqual(
        (versions.versions as Array<{ version: number; note: string; createdBy: string }>).map((v) => [v.version, v.note, v.createdBy]),
        [
          [2, "", OWNER.email],
          [1, "첫 배포", OWNER.email],
        ],
      );
      const one = json(await as("GET", `/api/v1/bots/${id}/versions/1`));
      assert.equal((one.snapshot as BotFile).description, draft.description);
      const two = json(await as("GET", `/api/v1/bots/${id}/versions/2`));
      assert.equal((two.snapshot as BotFile).description, "설명을 바꿨어요");
      assert.equal((await as("GET", `/api/v1/bots/${id}/versions/3`)).status, 404);
      const exportedV1 = await as("GET", `/api/v1/bots/${id}/export?version=1`);
      assert.equal(exportedV1.text, (await as("GET", `/api/v1/bots/${id}/export`)).text.replace("설명을 바꿨어요", draft.description));
    });

    test("diff shows which blocks the draft adds, changes and removes", async () => {
      const id = await importCafe();
      await as("POST", `/api/v1/bots/${id}/deploy`, { note: "v1" });
      const unchanged = json(await as("GET", `/api/v1/bots/${id}/diff`));
      assert.equal(unchanged.from, 1);
      assert.equal((unchanged.diff as { identical: boolean }).identical, true);

      const { draft, draftRevision } = await draftOf(id);
      const edited = structuredClone(draft);
      const cafe = edited.scenarios.find((sc) => sc.id === "cafe");
      assert.ok(cafe);
      const hours = cafe.blocks.find((b) => b.id === "hours");
      assert.ok(hours);
      hours.outputs = [{ simpleText: { text: "매일 오전 9시부터 오후 9시까지 영업해요." } }];
      cafe.blocks = cafe.blocks.filter((b) => b.id !== "order-ready");
      cafe.blocks.push({ ...hours, id: "wifi", name: "와이파이", utterances: ["와이파이 비밀번호"] });
      assert.equal((await as("PUT", `/api/v1/bots/${id}/draft`, { revision: draftRevision, bot: edited })).status, 200);

      const diff = json(await as("GET", `/api/v1/bots/${id}/diff`)).diff as {
        blocks: { added: Array<{ id: string }>; changed: Array<{ id: string; fields: string[] }>; removed: Array<{ id: string }> };
        identical: boolean;
      };
      assert.equal(diff.identical, false);
      assert.deepEqual(
        diff.blocks.added.map((b) => b.id),
        ["wifi"],
      );
      assert.deepEqual(
        diff.blocks.changed.map((b) => [b.id, b.fields]),
        [["hours", ["outputs"]]],
      );
      assert.deepEqual(
        diff.blocks.removed.map((b) => b.id),
        ["order-ready"],
      );
      const before = json(await as("GET", `/api/v1/bots/${id}/diff?version=1`));
      assert.equal(before.from, 1);
      const fresh = await importCafe();
      assert.equal((await as("GET", `/api/v1/bots/${fresh}/diff`)).status, 404, "nothing deployed yet");
    });

    test("rollback moves the serving version and keeps the draft", async () => {
      const id = await importCafe();
      await as("POST", `/api/v1/bots/${id}/deploy`, { note: "v1" });
      const { draft, draftRevision } = await draftOf(id);
      const edited = { ...draft, description: "v2 설명" };
      await as("PUT", `/api/v1/bots/${id}/draft`, { revision: draftRevision, bot: edited });
      await as("POST", `/api/v1/bots/${id}/deploy`, { note: "v2" });
      const later = { ...edited, description: "아직 배포 안 한 초안" };
      await as("PUT", `/api/v1/bots/${id}/draft`, { revision: draftRevision + 1, bot: later });

      const res = await as("POST", `/api/v1/bots/${id}/rollback`, { version: 1 });
      assert.equal(res.status, 200, res.text);
      assert.equal(json(res).deployedVersion, 1);
      const versions = json(await as("GET", `/api/v1/bots/${id}/versions`));
      assert.equal(versions.deployedVersion, 1);
      assert.equal((versions.versions as unknown[]).length, 2);
      assert.equal((await s.store.bots.deployed(id))?.snapshot.description, draft.description);
      assert.equal((await draftOf(id)).draft.description, "아직 배포 안 한 초안");

      const missing = await as("POST", `/api/v1/bots/${id}/rollback`, { version: 7 });
      assert.equal(missing.status, 404);
      assert.equal(json(await as("GET", `/api/v1/bots/${id}/versions`)).deployedVersion, 1);
      const next = await as("POST", `/api/v1/bots/${id}/deploy`, { note: "v3" });
      assert.equal(json(next).version, 3);
    });

    test("saving with a stale revision is a 409 and keeps the newer draft", async () => {
      const id = await importCafe();
      const { draft } = await draftOf(id);
      const first = await as("PUT", `/api/v1/bots/${id}/draft`, { revision: 1, bot: { ...draft, description: "먼저 저장" } });
      assert.equal(first.status, 200);
      assert.equal(json(first).draftRevision, 2);
      const late = await as("PUT", `/api/v1/bots/${id}/draft`, { revision: 1, bot: { ...draft, description: "늦은 저장" } });
      assert.equal(late.status, 409);
      assert.equal(errorOf(late).code, "revision_conflict");
      assert.equal(errorOf(late).path, "revision");
      const now = await draftOf(id);
      assert.equal(now.draft.description, "먼저 저장");
      assert.equal(now.draftRevision, 2);
    });

    test("an invalid draft is refused with the field's path and nothing is saved", async () => {
      const id = await importCafe();
      const { draft, draftRevision } = await draftOf(id);
      const badShape = await as("PUT", `/api/v1/bots/${id}/draft`, { revision: draftRevision, bot: { ...draft, language: "fr" } });
      assert.equal(badShape.status, 400);
      assert.equal(errorOf(badShape).path, "body.bot.language");
      const badRef = structuredClone(draft);
      const welcome = badRef.scenarios[0]?.blocks.find((b) => b.type === "welcome");
      assert.ok(welcome);
      welcome.quickReplies = [{ label: "없는 곳", action: "block", blockId: "missing" }];
      const res = await as("PUT", `/api/v1/bots/${id}/draft`, { revision: draftRevision, bot: badRef });
      assert.equal(res.status, 400);
      assert.equal(errorOf(res).code, "validation_failed");
      assert.equal(errorOf(res).path, "body.bot.scenarios[0].blocks[0].quickReplies[0].blockId");
      assert.match(errorOf(res).message, /unknown block "missing"/);
      const after = await draftOf(id);
      assert.equal(after.draftRevision, draftRevision);
      assert.deepEqual(after.draft, draft);
    });

    test("create, list and delete bots", async () => {
      const created = await as("POST", "/api/v1/bots", { name: "새 상담 봇", timezone: "Asia/Seoul" });
      assert.equal(created.status, 201, created.text);
      const id = String(json(created).id);
      const types = ((json(created).draft as BotFile).scenarios[0]?.blocks ?? []).map((b) => b.type).sort();
      assert.deepEqual(types, ["exit", "fallback", "welcome"]);
      assert.ok((json(await as("GET", "/api/v1/bots")).bots as Array<{ id: string }>).some((b) => b.id === id));
      const badTz = await as("POST", "/api/v1/bots", { name: "시간대 오류", timezone: "Seoul" });
      assert.equal(badTz.status, 400);
      assert.match(errorOf(badTz).path ?? "", /timezone/);
      assert.equal((await as("DELETE", `/api/v1/bots/${id}`)).status, 204);
      assert.equal((await as("GET", `/api/v1/bots/${id}`)).status, 404);
    });

    test("the OpenAPI document and the docs page are served", async () => {
      const doc = await api(s.baseUrl, "GET", "/api/v1/openapi.json");
      assert.equal(doc.status, 200);
      const spec = json(doc);
      assert.match(String(spec.openapi), /^3\./);
      const paths = Object.keys(spec.paths as Record<string, unknown>);
      for (const p of ["/api/v1/bots", "/api/v1/bots/import", "/api/v1/bots/{botId}/deploy", "/api/v1/auth/login"]) {
        assert.ok(paths.includes(p), `${p} missing from ${paths.join(", ")}`);
      }
      const docs = await fetch(`${s.baseUrl}/api/docs`);
      assert.equal(docs.status, 200);
      assert.match(await docs.text(), /<html/i);
    });

    test("/healthz and /readyz answer without signing in", async () => {
      const health = await api(s.baseUrl, "GET", "/healthz");
      assert.equal(health.status, 200);
      assert.deepEqual(health.body, { status: "ok" });
      const ready = await api(s.baseUrl, "GET", "/readyz");
      assert.equal(ready.status, 200);
      assert.deepEqual(ready.body, { status: "ready", database: dialect });
    });

    test("every response carries x-request-id; a sane incoming one is kept", async () => {
      const responses = [
        await api(s.baseUrl, "GET", "/healthz"),
        await api(s.baseUrl, "GET", "/api/v1/bots"),
        await as("GET", "/api/v1/bots/nope"),
        await api(s.baseUrl, "GET", "/api/v1/no-such-route"),
        await as("POST", "/api/v1/bots", { name: "" }),
      ];
      const ids = responses.map((r) => r.headers.get("x-request-id"));
      for (const id of ids) assert.ok(id && id.length >= 8, `missing x-request-id: ${id}`);
      assert.equal(new Set(ids).size, ids.length, "each request gets its own id");
      const echoed = await fetch(`${s.baseUrl}/healthz`, { headers: { "x-request-id": "trace-abc.123" } });
      assert.equal(echoed.headers.get("x-request-id"), "trace-abc.123");
      const unsafe = await fetch(`${s.baseUrl}/healthz`, { headers: { "x-request-id": "bad id with spaces" } });
      assert.notEqual(unsafe.headers.get("x-request-id"), "bad id with spaces");
    });

    test("unknown routes answer 404 in the error shape", async () => {
      const res = await api(s.baseUrl, "GET", "/api/v1/no-such-route");
      assert.equal(res.status, 404);
      assert.equal(errorOf(res).code, "not_found");
    });
  });
}
