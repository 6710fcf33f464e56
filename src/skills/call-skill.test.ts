import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { buildSkillPayload } from "../core/skill/payload.js";
import { buildValidationPayload } from "../core/skill/validation-skill.js";
import { callSkill, callValidationSkill, type SkillEndpoint } from "./call-skill.js";
import { closeSkillAgents } from "./http-post.js";
import { SIGNATURE_HEADER, verifySignature } from "./signature.js";

const TIMEOUT = 300;
// Generous for loaded CI machines; the deadline itself is exact (timer), this only absorbs event-loop lag.
const MARGIN = 250;

const payload = buildSkillPayload({
  bot: { id: "bot1", name: "테스트봇" },
  block: { id: "blk1", name: "주문" },
  skill: { id: "sk1", name: "주문 스킬" },
  utterance: "피자 주문",
  surface: "channel",
  user: { botUserKey: "u".repeat(64), plusfriendUserKey: "pf123" },
  parameters: { menu: { origin: "피자", value: "pizza" } },
});

const good = { version: "2.0", template: { outputs: [{ simpleText: { text: "주문 완료" } }] } };

type Seen = { headers: IncomingMessage["headers"]; body: string; path: string };
const seen: Seen[] = [];

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
  return Buffer.concat(chunks).toString("utf8");
}

const timers = new Set<NodeJS.Timeout>();

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  const path = req.url ?? "/";
  seen.push({ headers: req.headers, body, path });
  switch (path) {
    case "/ok":
    case "/test-ok":
      return json(res, 200, good);
    case "/echo-utterance": {
      const utterance: unknown = JSON.parse(body).userRequest.utterance;
      return json(res, 200, { version: "2.0", template: { outputs: [{ simpleText: { text: `${utterance}` } }] } });
    }
    case "/slow": {
      const t = setTimeout(() => json(res, 200, good), 2000);
      timers.add(t);
      res.on("close", () => clearTimeout(t));
      return;
    }
    case "/drip": {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"version":"2.0","data":{"x":"');
      const t = setInterval(() => res.write("a"), 40);
      timers.add(t);
      res.on("close", () => clearInterval(t));
      return;
    }
    case "/status500":
      return json(res, 500, { error: "boom" });
    case "/html":
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>oops</html>");
      return;
    case "/no-version":
      return json(res, 200, { template: good.template });
    case "/v1":
      return json(res, 200, { version: "1.0", template: good.template });
    case "/schema": {
      const b = { label: "더보기", action: "message", messageText: "더보기" };
      return json(res, 200, {
        version: "2.0",
        template: { outputs: [{ basicCard: { thumbnail: { imageUrl: "https://x/y.png" }, buttons: [b, b, b, b] } }] },
      });
    }
    case "/big": {
      const big = JSON.stringify({ version: "2.0", data: { blob: "x".repeat(300_000) } });
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(big) });
      res.end(big);
      return;
    }
    case "/big-chunked": {
      res.writeHead(200, { "content-type": "application/json" });
      for (let i = 0; i < 40; i++) res.write("x".repeat(10_000));
      res.end();
      return;
    }
    case "/callback":
      return json(res, 200, { version: "2.0", useCallback: true, data: { text: "잠시만요" } });
    case "/data-only":
      return json(res, 200, { version: "2.0", data: { price: "3000" } });
    case "/validate":
      return json(res, 200, { status: "FAIL", message: "다시 입력해 주세요" });
    default:
      return json(res, 404, { error: "no route" });
  }
}

let server: Server;
let base = "";

function endpoint(path: string, extra: Partial<SkillEndpoint> = {}): SkillEndpoint {
  return { id: "sk1", name: "주문 스킬", url: `${base}${path}`, timeoutMs: TIMEOUT, ...extra };
}

before(async () => {
  server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  for (const t of timers) clearTimeout(t);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await closeSkillAgents();
});

describe("callSkill against loopback skill servers", () => {
  test("valid answer: parsed response, exact request headers and body", async () => {
    const result = await callSkill(endpoint("/ok", { headers: { "X-Api-Key": "secret" } }), payload);
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.deepEqual(result.response.template?.outputs, [{ simpleText: { text: "주문 완료" } }]);
    assert.equal(result.status, 200);
    const req = seen.at(-1);
    assert.ok(req);
    assert.equal(req.headers["content-type"], "application/json;charset=UTF-8");
    assert.equal(req.headers.accept, "application/json");
    assert.equal(req.headers["x-api-key"], "secret");
    assert.equal(req.headers["x-request-id"], result.requestId);
    assert.equal(req.headers[SIGNATURE_HEADER.toLowerCase()], undefined, "no signature by default");
    assert.equal(req.body, result.requestBody);
    assert.deepEqual(JSON.parse(req.body).action.params, { menu: "pizza" });
  });

  test("configured headers cannot override protocol or transport headers", async () => {
    const result = await callSkill(
      endpoint("/ok", { headers: { "Content-Type": "text/plain", "Content-Length": "1", Host: "evil", "X-Key": "k" } }),
      payload,
    );
    assert.equal(result.ok, true);
    const req = seen.at(-1);
    assert.equal(req?.headers["content-type"], "application/json;charset=UTF-8");
    assert.equal(req?.headers.host, new URL(base).host);
    assert.equal(req?.headers["x-key"], "k");
  });

  test("a caller abort ends the call with reason aborted", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await callSkill(endpoint("/slow"), payload, { signal: controller.signal });
    assert.equal(result.ok ? "ok" : result.reason, "aborted");
    assert.ok(result.latencyMs < 50 + MARGIN);
  });

  test("test mode uses testUrl and test headers merged over headers", async () => {
    const skill = endpoint("/ok", {
      testUrl: `${base}/test-ok`,
      headers: { "X-Api-Key": "live", "X-Other": "kept" },
      testHeaders: { "X-Api-Key": "test" },
    });
    const result = await callSkill(skill, payload, { mode: "test" });
    assert.equal(result.ok, true);
    const req = seen.at(-1);
    assert.equal(req?.path, "/test-ok");
    assert.equal(req?.headers["x-api-key"], "test");
    assert.equal(req?.headers["x-other"], "kept");
  });

  test("signature header verifies over the exact body when a secret is set", async () => {
    const result = await callSkill(endpoint("/ok"), payload, { signingSecret: "s3cret", nowSeconds: () => 1_800_000_000 });
    assert.equal(result.ok, true);
    const req = seen.at(-1);
    const header = req?.headers[SIGNATURE_HEADER.toLowerCase()];
    assert.equal(typeof header, "string");
    assert.match(String(header), /^t=1800000000,v1=[0-9a-f]{64}$/);
    assert.equal(verifySignature(String(header), "s3cret", req?.body ?? "", 1_800_000_010), true);
    assert.equal(verifySignature(String(header), "wrong", req?.body ?? "", 1_800_000_010), false);
    assert.equal(verifySignature(String(header), "s3cret", `${req?.body} `, 1_800_000_010), false);
    assert.equal(verifySignature(String(header), "s3cret", req?.body ?? "", 1_800_001_000), false, "stale");
  });

  test("timeout: slow server gives reason timeout within timeout + margin", async () => {
    const result = await callSkill(endpoint("/slow"), payload);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.reason, "timeout");
    assert.ok(result.latencyMs >= TIMEOUT - 5, `latency ${result.latencyMs}`);
    assert.ok(result.latencyMs < TIMEOUT + MARGIN, `latency ${result.latencyMs}`);
  });

  test("slow drip body: the deadline covers the body, not just the headers", async () => {
    const started = performance.now();
    const result = await callSkill(endpoint("/drip"), payload);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.reason, "timeout");
    assert.ok(performance.now() - started < TIMEOUT + MARGIN, `took ${performance.now() - started}`);
  });

  test("a slow skill does not block a concurrent good call", async () => {
    const slow = callSkill(endpoint("/slow"), payload);
    const fast = callSkill(endpoint("/echo-utterance"), payload);
    const fastResult = await fast;
    assert.equal(fastResult.ok, true);
    assert.ok(fastResult.latencyMs < TIMEOUT, `good call took ${fastResult.latencyMs} ms, it waited for the slow one`);
    const slowResult = await slow;
    assert.equal(slowResult.ok ? "ok" : slowResult.reason, "timeout");
  });

  test("refused connection on a closed port", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const result = await callSkill({ id: "s", name: "s", url: `http://127.0.0.1:${port}/`, timeoutMs: TIMEOUT }, payload);
    assert.equal(result.ok ? "ok" : result.reason, "connection_refused");
    assert.ok(result.latencyMs < TIMEOUT + MARGIN);
  });

  test("DNS failure for a .invalid host", async () => {
    const result = await callSkill({ id: "s", name: "s", url: "http://skill.invalid/", timeoutMs: 2000 }, payload);
    assert.equal(result.ok ? "ok" : result.reason, "dns");
  });

  test("non-200 status keeps the status and a body snippet", async () => {
    const result = await callSkill(endpoint("/status500"), payload);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.reason, "http_status");
    assert.equal(result.status, 500);
    assert.match(result.bodySnippet ?? "", /boom/);
  });

  test("non-JSON body", async () => {
    const result = await callSkill(endpoint("/html"), payload);
    assert.equal(result.ok ? "ok" : result.reason, "not_json");
  });

  test("missing and wrong version", async () => {
    const missing = await callSkill(endpoint("/no-version"), payload);
    assert.equal(missing.ok ? "ok" : missing.reason, "bad_version");
    const v1 = await callSkill(endpoint("/v1"), payload);
    assert.equal(v1.ok ? "ok" : v1.reason, "bad_version");
    if (!v1.ok) assert.equal(v1.findings?.[0]?.path, "version");
  });

  test("schema violation names the path and rule", async () => {
    const result = await callSkill(endpoint("/schema"), payload);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.reason, "schema");
    assert.equal(result.detail, "template.outputs[0].basicCard.buttons: at most 3, got 4");
  });

  test("oversized body: declared length and chunked stream", async () => {
    const declared = await callSkill(endpoint("/big"), payload, { maxBodyBytes: 100_000 });
    assert.equal(declared.ok ? "ok" : declared.reason, "too_large");
    const chunked = await callSkill(endpoint("/big-chunked"), payload, { maxBodyBytes: 100_000 });
    assert.equal(chunked.ok ? "ok" : chunked.reason, "too_large");
    const allowed = await callSkill(endpoint("/big"), payload, { usesSkillData: false });
    assert.equal(allowed.ok, true, "300 KB is under the 1 MiB default");
  });

  test("useCallback is refused unless the block allows it", async () => {
    const refused = await callSkill(endpoint("/callback"), payload);
    assert.equal(refused.ok ? "ok" : refused.reason, "callback_not_allowed");
    const allowed = await callSkill(endpoint("/callback"), payload, { allowCallback: true });
    assert.equal(allowed.ok, true);
    if (allowed.ok) assert.deepEqual(allowed.response.data, { text: "잠시만요" });
  });

  test("data-only answer is fine for a data-provider block, a finding for a skill-data block", async () => {
    const provider = await callSkill(endpoint("/data-only"), payload, { usesSkillData: false });
    assert.equal(provider.ok, true);
    const skillData = await callSkill(endpoint("/data-only"), payload);
    assert.equal(skillData.ok ? "ok" : skillData.reason, "schema");
    if (!skillData.ok) assert.equal(skillData.findings?.[0]?.rule, "template_required");
  });

  test("address policy: metadata always refused, loopback only when private networks are allowed", async () => {
    const metadata = await callSkill({ id: "s", name: "s", url: "http://169.254.169.254/latest/meta-data" }, payload);
    assert.equal(metadata.ok ? "ok" : metadata.reason, "address_blocked");
    assert.ok(metadata.latencyMs < 50);
    const loopbackStrict = await callSkill(endpoint("/ok"), payload, { allowPrivateNetworks: false });
    assert.equal(loopbackStrict.ok ? "ok" : loopbackStrict.reason, "address_blocked");
    const port = new URL(base).port;
    const byName = await callSkill({ id: "s", name: "s", url: `http://localhost:${port}/ok`, timeoutMs: TIMEOUT }, payload, {
      allowPrivateNetworks: false,
    });
    assert.equal(byName.ok ? "ok" : byName.reason, "address_blocked", "names are checked after resolution");
    const byNameAllowed = await callSkill({ id: "s", name: "s", url: `http://localhost:${port}/ok`, timeoutMs: TIMEOUT }, payload);
    assert.equal(byNameAllowed.ok, true);
  });

  test("bad URL is a fault, not an exception", async () => {
    const result = await callSkill({ id: "s", name: "s", url: "ftp://example.com/x" }, payload);
    assert.equal(result.ok ? "ok" : result.reason, "bad_url");
  });

  test("validation skill: verdict parsed, faults become ERROR", async () => {
    const vPayload = buildValidationPayload({
      bot: { id: "bot1", name: "테스트봇" },
      utterance: "내일",
      surface: "channel",
      isInSlotFilling: true,
      user: { botUserKey: "abc" },
      value: { origin: "내일", resolved: "2026-11-28" },
    });
    const ok = await callValidationSkill(endpoint("/validate"), vPayload);
    assert.equal(ok.ok, true);
    assert.equal(ok.verdict.status, "FAIL");
    assert.equal(ok.verdict.message, "다시 입력해 주세요");
    assert.equal(JSON.parse(seen.at(-1)?.body ?? "{}").value.resolved, "2026-11-28");
    const broken = await callValidationSkill(endpoint("/html"), vPayload);
    assert.equal(broken.ok, false);
    assert.equal(broken.verdict.status, "ERROR");
  });
});
