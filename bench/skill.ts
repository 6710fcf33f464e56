// Overhead botcenter adds to a skill round trip: build payload + call (policy, deadline, size cap) +
// validate, against a bare undici POST of the same payload to the same loopback skill.
// Run: node --import tsx bench/skill.ts [calls]   → bench/results/skill.json
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { Agent, request } from "undici";
import { buildSkillPayload, type SkillPayloadInput } from "../src/core/skill/payload.js";
import { validateSkillResponse } from "../src/core/skill/validate-response.js";
import { callSkill } from "../src/skills/call-skill.js";
import { closeSkillAgents } from "../src/skills/http-post.js";

// A typical answer: text, a 3-card carousel with buttons, quick replies (~2 KB).
const ANSWER = JSON.stringify({
  version: "2.0",
  template: {
    outputs: [
      { simpleText: { text: "오늘의 추천 메뉴입니다." } },
      {
        carousel: {
          type: "basicCard",
          items: ["불고기 피자", "페퍼로니 피자", "고구마 피자"].map((title, i) => ({
            title,
            description: "도우부터 직접 만든 수제 피자",
            thumbnail: { imageUrl: `https://example.com/pizza/${i}.jpg`, altText: title },
            buttons: [
              { label: "주문하기", action: "block", blockId: "blk-order", extra: { menu: i } },
              { label: "자세히", action: "webLink", webLinkUrl: `https://example.com/pizza/${i}` },
            ],
          })),
        },
      },
    ],
    quickReplies: ["처음으로", "주문내역", "매장찾기"].map((label) => ({ label, action: "message", messageText: label })),
  },
  context: { values: [{ name: "Ordering", lifeSpan: 3, params: { step: "menu" } }] },
});

const INPUT: SkillPayloadInput = {
  bot: { id: "bot-bench", name: "피자봇" },
  block: { id: "blk-menu", name: "메뉴 추천" },
  skill: { id: "sk-menu", name: "메뉴 스킬" },
  utterance: "메뉴 추천해줘",
  surface: "channel",
  user: { botUserKey: "f".repeat(64), plusfriendUserKey: "Pf1aB2cD3eF4", isFriend: true },
  parameters: { category: { origin: "피자", value: "pizza" } },
  contexts: [{ name: "Visit", lifespan: 5, ttl: 600, params: { store: "gangnam" } }],
};

type Stats = { n: number; p50: number; p90: number; p99: number; mean: number };

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    n: sorted.length,
    p50: round(at(0.5)),
    p90: round(at(0.9)),
    p99: round(at(0.99)),
    mean: round(sorted.reduce((s, v) => s + v, 0) / sorted.length),
  };
}

export async function runSkillBench(calls = 3000): Promise<Record<string, unknown>> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(ANSWER) });
      res.end(ANSWER);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/skill`;
  const skill = { id: "sk-menu", name: "메뉴 스킬", url };
  const directAgent = new Agent({ keepAliveTimeout: 60_000 });
  const fixedPayload = buildSkillPayload(INPUT);

  const direct = async () => {
    const res = await request(url, {
      method: "POST",
      body: JSON.stringify(fixedPayload),
      headers: { "content-type": "application/json;charset=UTF-8", accept: "application/json" },
      dispatcher: directAgent,
    });
    await res.body.json();
  };
  const botcenter = async () => {
    const result = await callSkill(skill, buildSkillPayload(INPUT));
    if (!result.ok) throw new Error(`bench call failed: ${result.reason} ${result.detail}`);
  };

  for (let i = 0; i < 300; i++) {
    await direct();
    await botcenter();
  }
  // Calls alternate one by one, and the order flips every pair, so scheduler time slices and GC hit
  // both sides alike. CPU time is summed too: on a loaded machine wall-clock tails mostly measure the
  // scheduler, while process CPU per call (client and in-process server alike) shows the added work.
  const d: number[] = [];
  const b: number[] = [];
  const cpu = { direct: 0, botcenter: 0 };
  const timed = async (f: () => Promise<void>, into: number[], side: "direct" | "botcenter") => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await f();
    into.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu[side] += c.user + c.system;
  };
  for (let i = 0; i < calls; i++) {
    if (i % 2 === 0) {
      await timed(direct, d, "direct");
      await timed(botcenter, b, "botcenter");
    } else {
      await timed(botcenter, b, "botcenter");
      await timed(direct, d, "direct");
    }
  }
  const cpuDirect = cpu.direct;
  const cpuBotcenter = cpu.botcenter;

  // CPU-only parts, per call.
  const cpuRuns = 5000;
  let t0 = performance.now();
  for (let i = 0; i < cpuRuns; i++) buildSkillPayload(INPUT);
  const buildUs = ((performance.now() - t0) / cpuRuns) * 1000;
  const parsed: unknown = JSON.parse(ANSWER);
  t0 = performance.now();
  for (let i = 0; i < cpuRuns; i++) validateSkillResponse(parsed, { usesSkillData: true, allowCallback: false });
  const validateUs = ((performance.now() - t0) / cpuRuns) * 1000;

  await directAgent.close();
  await closeSkillAgents();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));

  const ds = stats(d);
  const bs = stats(b);
  return {
    benchmark: "skill round trip overhead",
    date: new Date().toISOString(),
    node: process.version,
    calls,
    answerBytes: Buffer.byteLength(ANSWER),
    payloadBytes: Buffer.byteLength(JSON.stringify(fixedPayload)),
    unit: "ms",
    direct: ds,
    botcenter: bs,
    overheadP50Ms: Math.round((bs.p50 - ds.p50) * 1000) / 1000,
    overheadP99Ms: Math.round((bs.p99 - ds.p99) * 1000) / 1000,
    targetP50Ms: 1,
    cpuPerCallUs: {
      direct: Math.round(cpuDirect / d.length),
      botcenter: Math.round(cpuBotcenter / b.length),
      added: Math.round((cpuBotcenter - cpuDirect) / b.length),
    },
    cpu: { buildPayloadUs: Math.round(buildUs * 10) / 10, validateResponseUs: Math.round(validateUs * 10) / 10 },
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const calls = Number(process.argv[2] ?? 3000);
  const result = await runSkillBench(Number.isFinite(calls) && calls > 0 ? calls : 3000);
  const dir = new URL("./results/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL("skill.json", dir), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}
