import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { validateBot } from "../bot/validate.js";
import type { SkillPayload } from "../skill/payload.js";
import { compileBot } from "./compile.js";
import { runTurn } from "./run-turn.js";
import type { SkillCall, TurnEnvironment } from "./types.js";

function bot(fallbackSkill: boolean) {
  const result = validateBot({
    schemaVersion: 1,
    name: "지식 봇",
    knowledge: {
      threshold: 0.5,
      entries: [
        { question: "배송은 보통 며칠 걸리나요?", answer: "주문 후 2~3일 안에 도착해요.", categories: ["배송"] },
        {
          question: "반품 비용은 누가 내나요?",
          answer: "단순 변심은 고객님이, 불량은 저희가 부담해요.",
          landingUrl: "https://example.com/returns",
        },
      ],
    },
    skills: [{ id: "llm", name: "LLM", url: "https://example.com/skill" }],
    scenarios: [
      {
        id: "main",
        name: "기본 시나리오",
        default: true,
        blocks: [
          {
            id: "hours",
            name: "영업시간",
            utterances: ["영업시간 알려줘", "몇 시까지 해요"],
            outputs: [{ simpleText: { text: "10시부터 7시까지" } }],
          },
          fallbackSkill
            ? { id: "fallback", name: "폴백", type: "fallback", skill: "llm", useSkillData: true }
            : { id: "fallback", name: "폴백", type: "fallback", outputs: [{ simpleText: { text: "잘 모르겠어요" } }] },
        ],
      },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return compileBot(result.bot);
}

function env(calls: SkillCall[] = []): TurnEnvironment {
  return {
    now: new Date("2026-03-02T01:00:00Z"),
    user: { botUserKey: "u1" },
    surface: "channel",
    botId: "b1",
    callSkill: async (call) => {
      calls.push(call);
      return {
        ok: true,
        response: { version: "2.0", template: { outputs: [{ simpleText: { text: "스킬 답변" } }] } },
        findings: [],
        latencyMs: 1,
      };
    },
  };
}

describe("knowledge answers", () => {
  test("a question close to a knowledge entry gets its answer instead of the fallback", async () => {
    const r = await runTurn(bot(false), null, { type: "text", text: "배송 며칠 걸려요?" }, env());
    assert.deepEqual(r.response.outputs, [{ simpleText: { text: "주문 후 2~3일 안에 도착해요." } }]);
    assert.equal(r.trace.knowledge?.question, "배송은 보통 며칠 걸리나요?");
    assert.equal(r.trace.block, null);
  });

  test("an entry with a landing URL answers with a card and a web link button", async () => {
    const r = await runTurn(bot(false), null, { type: "text", text: "반품 비용은 누가 부담해요" }, env());
    const card = r.response.outputs[0];
    assert.ok(card && "textCard" in card);
    assert.equal(card.textCard.buttons?.[0]?.webLinkUrl, "https://example.com/returns");
  });

  test("a block match still wins, and unrelated text still falls back", async () => {
    const hours = await runTurn(bot(false), null, { type: "text", text: "영업시간 알려줘" }, env());
    assert.equal(hours.trace.block?.name, "영업시간");
    const other = await runTurn(bot(false), null, { type: "text", text: "오늘 점심 뭐 먹지" }, env());
    assert.equal(other.trace.block?.name, "폴백");
    assert.equal(other.trace.knowledge, undefined);
  });

  test("with a skill on the fallback, the skill gets intent 지식+ and the matched entry", async () => {
    const calls: SkillCall[] = [];
    const r = await runTurn(bot(true), null, { type: "text", text: "배송 며칠 걸려요?" }, env(calls));
    assert.equal(r.response.outputs[0] && "simpleText" in r.response.outputs[0] ? r.response.outputs[0].simpleText.text : "", "스킬 답변");
    const payload: SkillPayload | undefined = calls[0]?.payload;
    assert.equal(payload?.intent.name, "지식+");
    assert.equal(payload?.intent.extra?.knowledge.matchedKnowledges[0]?.answer, "주문 후 2~3일 안에 도착해요.");
    assert.deepEqual(payload?.intent.extra?.knowledge.matchedKnowledges[0]?.categories, ["배송"]);
  });
});
