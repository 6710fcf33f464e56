/**
 * Skills end to end: a real skill server on loopback, a bot whose blocks call it, and turns through
 * the bot test panel and the platform gateway. Asserts what the user sees and what the skill log
 * records for good answers and for every kind of fault, plus callbacks.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { stringify } from "yaml";
import { api, startTestServer, type TestServer } from "../helpers/server.js";

const FIXTURES = "src/core/skill/fixtures/valid";
const COMPONENT_FIXTURES = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".json") && !["callback.json", "context-and-data.json"].includes(f))
  .map((f) => f.slice(0, -5));

interface Recorded {
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
}

const recorded: Recorded[] = [];
let skillServer: Server;
let skillBase = "";

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = "";
    req.on("data", (c) => {
      data += c;
    });
    req.on("end", () => resolve(data));
  });
}

const card = {
  version: "2.0",
  template: {
    outputs: [
      {
        basicCard: {
          title: "오늘의 추천",
          description: "가을 니트",
          thumbnail: { imageUrl: "https://example.com/knit.png" },
          buttons: [{ label: "자세히", action: "block", blockId: "detail", extra: { sku: "K-1" } }],
        },
      },
    ],
    quickReplies: [{ label: "처음으로", action: "message", messageText: "처음으로" }],
  },
};

function startSkillServer(): Promise<void> {
  skillServer = createServer(async (req, res) => {
    const text = await readBody(req);
    const body = JSON.parse(text) as Record<string, unknown>;
    const path = req.url ?? "/";
    recorded.push({ path, headers: req.headers, body });
    const send = (status: number, payload: string, type = "application/json") => {
      res.writeHead(status, { "content-type": type });
      res.end(payload);
    };
    if (path.startsWith("/component/")) {
      const name = path.slice("/component/".length).replace(/[^A-Za-z-]/g, "");
      return send(200, readFileSync(join(FIXTURES, `${name}.json`), "utf8"));
    }
    switch (path) {
      case "/ok":
        return send(200, JSON.stringify(card));
      case "/data":
        return send(200, JSON.stringify({ version: "2.0", data: { status: "배송 중", eta: "내일" } }));
      case "/slow":
        return setTimeout(() => send(200, JSON.stringify(card)), 1500);
      case "/500":
        return send(500, "oops", "text/plain");
      case "/notjson":
        return send(200, "<html>hi</html>", "text/html");
      case "/noversion":
        return send(200, JSON.stringify({ template: card.template }));
      case "/invalid": {
        const b = { label: "버튼", action: "message", messageText: "x" };
        return send(
          200,
          JSON.stringify({
            version: "2.0",
            template: { outputs: [{ basicCard: { thumbnail: { imageUrl: "https://e.com/a.png" }, buttons: [b, b, b, b] } }] },
          }),
        );
      }
      case "/callback": {
        const callbackUrl = (body.userRequest as { callbackUrl?: string }).callbackUrl;
        send(200, JSON.stringify({ version: "2.0", useCallback: true, data: { text: "조회 중이에요" } }));
        if (callbackUrl) {
          setTimeout(async () => {
            const final = { version: "2.0", template: { outputs: [{ simpleText: { text: "조회가 끝났어요: 3건" } }] } };
            const r = await fetch(callbackUrl, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify(final),
            });
            recorded.push({ path: "callback-result", headers: {}, body: { status: r.status, json: await r.json(), url: callbackUrl } });
          }, 100);
        }
        return;
      }
      default:
        return send(404, "{}");
    }
  });
  return new Promise((resolve) => {
    skillServer.listen(0, "127.0.0.1", () => {
      skillBase = `http://127.0.0.1:${(skillServer.address() as AddressInfo).port}`;
      resolve();
    });
  });
}

function skillBlock(id: string, utterance: string, skill: string, extra: Record<string, unknown> = {}) {
  return { id, name: id, utterances: [utterance], skill, useSkillData: true, ...extra };
}

function botFile() {
  const componentSkills = COMPONENT_FIXTURES.map((name) => ({
    id: `c-${name}`,
    name: `component ${name}`,
    url: `${skillBase}/component/${name}`,
  }));
  const componentBlocks = COMPONENT_FIXTURES.map((name) => skillBlock(`block-${name}`, `컴포넌트 ${name} 보여줘`, `c-${name}`));
  const skills = ["ok", "data", "slow", "500", "notjson", "noversion", "invalid", "callback", "closed"].map((p) => ({
    id: `s-${p}`,
    name: `skill ${p}`,
    url: p === "closed" ? "http://127.0.0.1:9/closed" : `${skillBase}/${p}`,
    testUrl: p === "closed" ? "http://127.0.0.1:9/closed" : `${skillBase}/${p}`,
    headers: { "X-Api-Key": "live-key" },
    testHeaders: { "X-Api-Key": "test-key" },
    timeoutMs: 500,
  }));
  return {
    schemaVersion: 1,
    name: "스킬 테스트 봇",
    settings: { skillErrorMessage: "지금은 답변할 수 없어요 (스킬 오류)" },
    skills: [...skills, ...componentSkills],
    scenarios: [
      {
        id: "main",
        name: "기본 시나리오",
        default: true,
        blocks: [
          skillBlock("recommend", "추천 상품 보여줘", "s-ok"),
          { id: "detail", name: "detail", utterances: ["상품 상세 정보"], outputs: [{ simpleText: { text: "상세 정보입니다" } }] },
          {
            id: "delivery",
            name: "delivery",
            utterances: ["배송 상태 알려줘"],
            skill: "s-data",
            outputs: [{ simpleText: { text: "상태: {{#webhook.status}}, 도착: {{#webhook.eta}}" } }],
          },
          skillBlock("slowblock", "느린 스킬 호출", "s-slow"),
          skillBlock("error500", "서버 오류 스킬", "s-500"),
          skillBlock("notjson", "제이슨 아님 스킬", "s-notjson"),
          skillBlock("noversion", "버전 없는 스킬", "s-noversion"),
          skillBlock("invalid", "규칙 위반 스킬", "s-invalid"),
          skillBlock("closed", "닫힌 포트 스킬", "s-closed"),
          skillBlock("cb", "콜백 스킬 호출", "s-callback", { allowCallback: true, callbackWaitingText: "{{#webhook.text}}..." }),
          skillBlock("cbnotallowed", "콜백 금지 블록", "s-callback"),
          ...componentBlocks,
        ],
      },
    ],
  };
}

let server: TestServer;
let botId = "";

async function say(text: string, userKey = "tester") {
  const res = await api(server.baseUrl, "POST", `/api/v1/bots/${botId}/test/messages`, {
    session: server.owner,
    body: { userKey, input: { type: "text", text } },
  });
  assert.equal(res.status, 200, res.text);
  return res.body as {
    response: { outputs: Array<Record<string, { text?: string }>>; quickReplies: unknown[] };
    trace: { block: { id: string } | null; skill?: { error?: { reason: string }; latencyMs: number } };
  };
}

function firstText(body: Awaited<ReturnType<typeof say>>): string | undefined {
  return body.response.outputs[0]?.simpleText?.text;
}

describe("skills end to end", () => {
  before(async () => {
    await startSkillServer();
    server = await startTestServer();
    const imported = await api(server.baseUrl, "POST", "/api/v1/bots/import", {
      session: server.owner,
      body: { content: stringify(botFile()) },
    });
    assert.equal(imported.status, 201, imported.text);
    botId = (imported.body as { id: string }).id;
  });
  after(async () => {
    await server.close();
    skillServer.close();
  });

  test("a good skill answer is shown, and the test panel sends the test URL's headers and the test surface", async () => {
    const body = await say("추천 상품 보여줘");
    assert.equal(body.trace.block?.id, "recommend");
    assert.ok("basicCard" in (body.response.outputs[0] ?? {}));
    const req = recorded.filter((r) => r.path === "/ok").at(-1);
    assert.ok(req);
    assert.equal(req.headers["x-api-key"], "test-key");
    const userRequest = req.body.userRequest as { params: Record<string, string>; user: { properties: Record<string, unknown> } };
    assert.equal(userRequest.params.surface, "BuilderBotTest");
    const action = req.body.action as { params: unknown; detailParams: unknown };
    assert.deepEqual(action.params, {});
    assert.deepEqual(action.detailParams, {});
    assert.equal(userRequest.user.properties.isFriend, true);
  });

  test("every component type a skill returns reaches the user as sent", async () => {
    assert.ok(COMPONENT_FIXTURES.length >= 12);
    for (const name of COMPONENT_FIXTURES) {
      const res = await api(server.baseUrl, "POST", `/api/v1/bots/${botId}/test/messages`, {
        session: server.owner,
        body: { input: { type: "action", source: "card", action: "block", blockId: `block-${name}`, label: name } },
      });
      assert.equal(res.status, 200, res.text);
      const sent = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8")) as { template: { outputs: unknown[] } };
      const got = res.body as { response: { outputs: unknown[] }; trace: { findings: string[] } };
      assert.deepEqual(got.response.outputs, sent.template.outputs, `${name}: ${got.trace.findings.join("; ")}`);
    }
  });

  test("a data-only skill fills {{#webhook.*}} in the block's own outputs", async () => {
    const body = await say("배송 상태 알려줘");
    assert.equal(firstText(body), "상태: 배송 중, 도착: 내일");
  });

  for (const [utterance, reason] of [
    ["느린 스킬 호출", "timeout"],
    ["서버 오류 스킬", "http_status"],
    ["제이슨 아님 스킬", "not_json"],
    ["버전 없는 스킬", "bad_version"],
    ["규칙 위반 스킬", "schema"],
    ["닫힌 포트 스킬", "connection_refused"],
    ["콜백 금지 블록", "callback_not_allowed"],
  ] as const) {
    test(`fault ${reason}: the user gets the error message and the skill log records the reason`, async () => {
      const started = Date.now();
      const body = await say(utterance);
      assert.equal(firstText(body), "지금은 답변할 수 없어요 (스킬 오류)");
      assert.equal(body.trace.skill?.error?.reason, reason);
      assert.ok(Date.now() - started < 500 + 1500, "answered within the timeout plus a margin");
      const log = await api(server.baseUrl, "GET", `/api/v1/bots/${botId}/skill-log?errors=true`, { session: server.owner });
      const entries = (log.body as { entries: Array<{ reason: string; ok: boolean; latencyMs: number }> }).entries;
      assert.equal(entries[0]?.reason, reason);
      assert.equal(entries[0]?.ok, false);
    });
  }

  test("a slow skill in one conversation does not hold up another conversation", async () => {
    const slow = say("느린 스킬 호출", "user-a");
    const started = Date.now();
    const fast = await say("추천 상품 보여줘", "user-b");
    assert.ok("basicCard" in (fast.response.outputs[0] ?? {}));
    assert.ok(Date.now() - started < 400, `the fast turn took ${Date.now() - started} ms`);
    await slow;
  });

  test("callback: the waiting message first, then the final answer arrives once; a second use is refused", async () => {
    const body = await say("콜백 스킬 호출", "cb-user");
    assert.equal(firstText(body), "조회 중이에요...");
    let messages: Array<{ payload: { outputs: Array<{ simpleText?: { text: string } }> } }> = [];
    for (let i = 0; i < 40 && messages.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const res = await api(server.baseUrl, "GET", `/api/v1/bots/${botId}/test/deliveries?userKey=cb-user`, { session: server.owner });
      messages = (res.body as { messages: typeof messages }).messages;
    }
    assert.equal(messages[0]?.payload.outputs[0]?.simpleText?.text, "조회가 끝났어요: 3건");
    const result = recorded.find((r) => r.path === "callback-result");
    assert.ok(result);
    const first = result.body as { status: number; json: { status: string; taskId: string }; url: string };
    assert.equal(first.status, 200);
    assert.equal(first.json.status, "SUCCESS");
    const again = await fetch(first.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ version: "2.0", template: { outputs: [{ simpleText: { text: "두 번째" } }] } }),
    });
    assert.equal(again.status, 409);
    const json = (await again.json()) as { status: string; taskId: string; message: string; timestamp: number };
    assert.equal(json.status, "FAIL");
    assert.equal(json.taskId, first.json.taskId);
    assert.equal(typeof json.timestamp, "number");
  });

  test("callback: an unknown token, a bad body and a late use get the platform's JSON status", async () => {
    const unknown = await fetch(`${server.baseUrl}/callbacks/not-a-token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { status: string }).status, "FAIL");
    const fresh = await server.store.runtime.createCallbackTask(
      { botId, version: null, surface: "test", userKey: "bad", blockId: "cb", forwardUrl: null },
      60_000,
    );
    const bad = await fetch(`${server.baseUrl}/callbacks/${fresh.token}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "not json",
    });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { status: string }).status, "ERROR");
    const invalid = await fetch(`${server.baseUrl}/callbacks/${fresh.token}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ template: {} }),
    });
    assert.equal(invalid.status, 400, "a wrong body does not use up the URL");
    const good = await fetch(`${server.baseUrl}/callbacks/${fresh.token}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ version: "2.0", template: { outputs: [{ simpleText: { text: "이제 됨" } }] } }),
    });
    assert.equal(good.status, 200);
    const task = await server.store.runtime.createCallbackTask(
      { botId, version: null, surface: "test", userKey: "late", blockId: "cb", forwardUrl: null },
      -1000,
    );
    const late = await fetch(`${server.baseUrl}/callbacks/${task.token}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ version: "2.0", template: { outputs: [{ simpleText: { text: "늦음" } }] } }),
    });
    assert.equal(late.status, 410);
  });

  test("gateway: needs the bot's secret, answers a SkillResponse from the deployed version, routes block buttons back", async () => {
    const deploy = await api(server.baseUrl, "POST", `/api/v1/bots/${botId}/deploy`, { session: server.owner, body: { note: "v1" } });
    assert.equal(deploy.status, 201);
    const secretRes = await api(server.baseUrl, "POST", `/api/v1/bots/${botId}/gateway/secret`, { session: server.owner });
    const { secret, header } = secretRes.body as { secret: string; header: string };
    const payload = (utterance: string, clientExtra: Record<string, unknown> | null = null) => ({
      intent: { id: "x", name: "폴백 블록" },
      userRequest: {
        timezone: "Asia/Seoul",
        params: { surface: "Kakaotalk.plusfriend" },
        block: { id: "x", name: "폴백 블록" },
        utterance,
        lang: "ko",
        user: {
          id: "kakao-user-1",
          type: "botUserKey",
          properties: { botUserKey: "kakao-user-1", plusfriendUserKey: "pfk1", isFriend: true },
        },
      },
      bot: { id: "kakaobot", name: "bot" },
      action: { id: "s", name: "gateway", params: {}, detailParams: {}, clientExtra },
    });
    const denied = await fetch(`${server.baseUrl}/kakao/v2/bots/${botId}/skill`, {
      method: "POST",
      headers: { "content-type": "application/json", [header]: "wrong" },
      body: JSON.stringify(payload("추천 상품 보여줘")),
    });
    assert.equal(denied.status, 401);
    const ok = await fetch(`${server.baseUrl}/kakao/v2/bots/${botId}/skill`, {
      method: "POST",
      headers: { "content-type": "application/json", [header]: secret },
      body: JSON.stringify(payload("추천 상품 보여줘")),
    });
    assert.equal(ok.status, 200);
    const answer = (await ok.json()) as {
      version: string;
      template: { outputs: Array<{ basicCard: { buttons: Array<Record<string, unknown>> } }> };
    };
    assert.equal(answer.version, "2.0");
    const button = answer.template.outputs[0]?.basicCard.buttons[0];
    assert.equal(button?.action, "message");
    assert.deepEqual(button?.extra, { sku: "K-1", botcenterBlockId: "detail" });
    // The skill received the live URL's header and the channel surface.
    const live = recorded.filter((r) => r.path === "/ok").at(-1);
    assert.ok(live);
    assert.equal(live.headers["x-api-key"], "live-key");
    assert.equal((live.body.userRequest as { params: { surface: string } }).params.surface, "Kakaotalk.plusfriend");
    const back = await fetch(`${server.baseUrl}/kakao/v2/bots/${botId}/skill`, {
      method: "POST",
      headers: { "content-type": "application/json", [header]: secret },
      body: JSON.stringify(payload("자세히", { sku: "K-1", botcenterBlockId: "detail" })),
    });
    const detail = (await back.json()) as { template: { outputs: Array<{ simpleText: { text: string } }> } };
    assert.equal(detail.template.outputs[0]?.simpleText.text, "상세 정보입니다");
  });

  test("skill test API returns request, response, latency and findings", async () => {
    const res = await api(server.baseUrl, "POST", `/api/v1/bots/${botId}/skills/s-invalid/test`, {
      session: server.owner,
      body: { utterance: "테스트" },
    });
    assert.equal(res.status, 200, res.text);
    const body = res.body as {
      ok: boolean;
      reason: string;
      latencyMs: number;
      request: { userRequest: { utterance: string } };
      findings: Array<{ path: string; message: string }>;
    };
    assert.equal(body.ok, false);
    assert.equal(body.reason, "schema");
    assert.equal(body.request.userRequest.utterance, "테스트");
    assert.ok(
      body.findings.some((f) => f.message.includes("template.outputs[0].basicCard.buttons")),
      JSON.stringify(body.findings),
    );
  });
});
