import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { validateBot } from "../bot/validate.js";
import type { SkillResponse } from "../skill/response.js";
import { type CompiledBot, compileBot } from "./compile.js";
import { renderCallbackResponse, runTurn } from "./run-turn.js";
import type { ConversationState, SkillCall, SkillOutcome, TurnEnvironment, TurnInput, TurnResult } from "./types.js";

const T0 = new Date("2026-03-02T10:00:00+09:00"); // a Monday

function makeBot(
  extra: { blocks?: unknown[]; settings?: Record<string, unknown>; skills?: unknown[]; system?: unknown[] } = {},
): CompiledBot {
  const result = validateBot({
    schemaVersion: 1,
    name: "테스트 봇",
    settings: extra.settings ?? {},
    skills: extra.skills ?? [{ id: "sk", name: "테스트 스킬", url: "https://skill.example.com/hook" }],
    scenarios: [
      { id: "default", name: "기본 시나리오", default: true, blocks: extra.system ?? [] },
      { id: "main", name: "메인", blocks: extra.blocks ?? [] },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return compileBot(result.bot);
}

const reservationBlock = {
  id: "reserve",
  name: "예약",
  utterances: ["예약하고 싶어요", "방문 예약"],
  parameters: [
    { name: "date", entity: "sys.date", required: true, prompts: ["언제 오시나요?", "날짜를 다시 알려 주세요."] },
    { name: "people", entity: "sys.number", required: true, maxReprompts: 0, prompts: ["몇 명인가요?"] },
    { name: "memo", entity: "sys.email", defaultValue: "없음" },
  ],
  outputs: [{ simpleText: { text: "$date, $people명 예약 완료 (메모: $memo)" } }],
};

class Session {
  state: ConversationState | null = null;
  now = T0;
  calls: SkillCall[] = [];
  constructor(
    readonly bot: CompiledBot,
    readonly skill: (call: SkillCall) => SkillOutcome = () => ({
      ok: false,
      reason: "unexpected",
      detail: "no skill expected",
      latencyMs: 0,
    }),
  ) {}

  env(): TurnEnvironment {
    return {
      now: this.now,
      user: { botUserKey: "u1", isFriend: true },
      surface: "test",
      botId: "bot1",
      callSkill: async (call) => {
        this.calls.push(call);
        return this.skill(call);
      },
      createCallbackUrl: (blockId) => `https://cb.example.com/${blockId}`,
    };
  }

  async send(input: TurnInput | string): Promise<TurnResult> {
    const result = await runTurn(this.bot, this.state, typeof input === "string" ? { type: "text", text: input } : input, this.env());
    this.state = JSON.parse(JSON.stringify(result.state)); // must survive a database round trip
    return result;
  }

  advance(seconds: number): void {
    this.now = new Date(this.now.getTime() + seconds * 1000);
  }
}

function text(result: TurnResult): string {
  return result.response.outputs.map((o) => ("simpleText" in o ? o.simpleText.text : JSON.stringify(o))).join("\n");
}

describe("slot filling", () => {
  test("asks for missing values in turn and keeps values filled earlier", async () => {
    const s = new Session(makeBot({ blocks: [reservationBlock] }));
    let r = await s.send("예약하고 싶어요");
    assert.equal(text(r), "언제 오시나요?");
    assert.equal(r.trace.slotFilling?.outcome, "asked");
    r = await s.send("내일");
    assert.equal(text(r), "몇 명인가요?");
    assert.equal(r.trace.parameters.date?.display, "2026-03-03");
    r = await s.send("3명");
    assert.equal(text(r), "2026-03-03, 3명 예약 완료 (메모: 없음)");
    assert.equal(r.trace.block?.name, "예약");
    assert.equal(r.state.pending, null);
  });

  test("values in the first utterance are used without asking", async () => {
    const s = new Session(makeBot({ blocks: [reservationBlock] }));
    const r = await s.send("방문 예약 내일 2명");
    assert.equal(text(r), "2026-03-03, 2명 예약 완료 (메모: 없음)");
  });

  test("re-asks with the next prompt up to settings.maxReprompts, then the fallback runs and the loop ends", async () => {
    const s = new Session(makeBot({ blocks: [reservationBlock], settings: { maxReprompts: 2 } }));
    await s.send("예약하고 싶어요");
    let r = await s.send("글쎄요");
    assert.equal(text(r), "날짜를 다시 알려 주세요.");
    assert.equal(r.trace.slotFilling?.reasks, 1);
    r = await s.send("잘 모르겠어요");
    assert.equal(text(r), "날짜를 다시 알려 주세요.", "the last prompt repeats");
    r = await s.send("음");
    assert.equal(r.trace.block?.type, "fallback");
    assert.equal(r.trace.slotFilling?.outcome, "gave-up");
    assert.equal(r.state.pending, null);
    r = await s.send("내일");
    assert.equal(r.trace.block?.type, "fallback", "the loop is over: a bare date matches nothing");
  });

  test("a parameter's maxReprompts overrides the bot setting (0 = ask once)", async () => {
    const s = new Session(makeBot({ blocks: [reservationBlock], settings: { maxReprompts: 5 } }));
    await s.send("방문 예약 내일");
    const r = await s.send("많이요");
    assert.equal(r.trace.block?.type, "fallback");
  });

  test("an exit phrase leaves the loop, resets the dialogue and runs the exit block", async () => {
    const bot = makeBot({
      blocks: [
        reservationBlock,
        {
          id: "menu",
          name: "메뉴",
          utterances: ["메뉴 보여줘"],
          outputContexts: [{ name: "menu", lifeSpan: 5 }],
          outputs: [{ simpleText: { text: "메뉴" } }],
        },
      ],
    });
    const s = new Session(bot);
    await s.send("메뉴 보여줘");
    await s.send("예약하고 싶어요");
    const r = await s.send("처음으로 할래");
    assert.equal(r.trace.block?.type, "exit");
    assert.equal(r.trace.slotFilling?.outcome, "exited");
    assert.equal(r.state.pending, null);
    assert.deepEqual(r.state.contexts, [], "exit resets contexts too");
  });

  test("a block button during a loop leaves the loop and runs that block", async () => {
    const bot = makeBot({
      blocks: [
        reservationBlock,
        { id: "hours", name: "영업시간", utterances: ["영업시간"], outputs: [{ simpleText: { text: "10시-19시" } }] },
      ],
    });
    const s = new Session(bot);
    await s.send("예약하고 싶어요");
    const r = await s.send({ type: "action", source: "quickReply", action: "block", blockId: "hours", label: "영업시간" });
    assert.equal(text(r), "10시-19시");
    assert.equal(r.state.pending, null);
  });

  test("quick-reply message text is matched but not used for entity extraction", async () => {
    const s = new Session(makeBot({ blocks: [reservationBlock] }));
    const r = await s.send({ type: "action", source: "quickReply", action: "message", text: "방문 예약 내일 2명" });
    assert.equal(r.trace.trigger.type, "QUICKREPLY_BUTTON_MESSAGE");
    assert.equal(text(r), "언제 오시나요?");
  });
});

describe("contexts", () => {
  const bot = () =>
    makeBot({
      blocks: [
        {
          id: "confirm",
          name: "주문 확인",
          utterances: ["주문 확인"],
          outputContexts: [{ name: "ordering", lifeSpan: 2, ttl: 60, params: { orderId: "A-1" } }],
          outputs: [{ simpleText: { text: "주문 #ordering.orderId 확인" } }],
        },
        {
          id: "cancel",
          name: "주문 취소",
          inputContexts: ["ordering"],
          utterances: ["주문 취소해줘"],
          outputContexts: [{ name: "ordering", lifeSpan: 0 }],
          outputs: [{ simpleText: { text: "{{#ordering.orderId}} 취소됨" } }],
        },
        { id: "hours", name: "영업시간", utterances: ["영업시간 알려줘"], outputs: [{ simpleText: { text: "10시" } }] },
      ],
    });

  test("a block with an input context matches only while the context is alive", async () => {
    const s = new Session(bot());
    let r = await s.send("주문 취소해줘");
    assert.equal(r.trace.block?.type, "fallback");
    r = await s.send("주문 확인");
    assert.equal(text(r), "주문 A-1 확인", "the answer can read the context its own block sets");
    r = await s.send("주문 취소해줘");
    assert.equal(text(r), "A-1 취소됨", "a context the block deletes is still readable in its answer");
    assert.deepEqual(r.state.contexts, []);
  });

  test("lifeSpan N: alive for the N turns after the one that set it", async () => {
    const s = new Session(bot());
    let r = await s.send("주문 확인");
    assert.deepEqual(
      r.trace.contexts.map((c) => [c.name, c.lifeSpan]),
      [["ordering", 2]],
    );
    r = await s.send("영업시간 알려줘"); // turn 1 after
    assert.equal(r.trace.contexts[0]?.lifeSpan, 1);
    r = await s.send("주문 취소해줘"); // turn 2 after: still alive when matching
    assert.equal(r.trace.block?.name, "주문 취소");

    const s2 = new Session(bot());
    await s2.send("주문 확인");
    await s2.send("영업시간 알려줘");
    r = await s2.send("영업시간 알려줘");
    assert.deepEqual(r.state.contexts, [], "spent after two turns");
    r = await s2.send("주문 취소해줘");
    assert.equal(r.trace.block?.type, "fallback");
  });

  test("ttl: the context dies ttl seconds after it was set, whatever the lifeSpan", async () => {
    const s = new Session(bot());
    const r0 = await s.send("주문 확인");
    assert.equal(r0.trace.contexts[0]?.expiresAt, new Date(T0.getTime() + 60_000).toISOString());
    s.advance(59);
    let r = await s.send("주문 취소해줘");
    assert.equal(r.trace.block?.name, "주문 취소");

    const s2 = new Session(bot());
    await s2.send("주문 확인");
    s2.advance(60);
    r = await s2.send("주문 취소해줘");
    assert.equal(r.trace.block?.type, "fallback");
  });

  test("setting a context again refreshes its lifeSpan", async () => {
    const s = new Session(bot());
    await s.send("주문 확인");
    await s.send("영업시간 알려줘");
    const r = await s.send("주문 확인");
    assert.equal(r.trace.contexts[0]?.lifeSpan, 2);
  });
});

describe("buttons, welcome and events", () => {
  test("a block button runs the block directly and passes extra as clientExtra with the trigger type", async () => {
    const bot = makeBot({
      blocks: [
        {
          id: "menu",
          name: "메뉴",
          utterances: ["메뉴"],
          outputs: [
            { textCard: { title: "메뉴", buttons: [{ label: "상세", action: "block", blockId: "detail", extra: { sku: "X1" } }] } },
          ],
        },
        { id: "detail", name: "상세", skill: "sk", outputs: [{ simpleText: { text: "{{#webhook.name}} 입니다" } }] },
      ],
    });
    const s = new Session(bot, () => ({ ok: true, response: { version: "2.0", data: { name: "칫솔" } }, findings: [], latencyMs: 3 }));
    await s.send("메뉴");
    const r = await s.send({ type: "action", source: "card", action: "block", blockId: "detail", label: "상세", extra: { sku: "X1" } });
    assert.equal(text(r), "칫솔 입니다");
    assert.equal(r.trace.trigger.type, "CARD_BUTTON_BLOCK");
    assert.deepEqual(r.trace.trigger.referrerBlock, { id: "menu", name: "메뉴" });
    const payload = s.calls[0]?.payload;
    assert.deepEqual(payload?.action.clientExtra, { sku: "X1" });
    assert.equal(payload?.flow.trigger.type, "CARD_BUTTON_BLOCK");
    assert.equal(payload?.userRequest.utterance, "상세");
    assert.equal(r.trace.match, undefined, "block buttons bypass matching");
  });

  test("list items and message buttons report their protocol trigger types", async () => {
    const bot = makeBot({
      blocks: [{ id: "hours", name: "영업시간", utterances: ["영업시간"], outputs: [{ simpleText: { text: "10시" } }] }],
    });
    const s = new Session(bot);
    let r = await s.send({ type: "action", source: "list", action: "message", text: "영업시간" });
    assert.equal(r.trace.trigger.type, "LIST_ITEM_MESSAGE");
    assert.equal(r.trace.block?.name, "영업시간");
    r = await s.send({ type: "action", source: "listMenu", action: "block", blockId: "hours", label: "영업시간" });
    assert.equal(r.trace.trigger.type, "LISTMENU_BLOCK");
  });

  test("welcome runs the welcome block when on and sends nothing when off", async () => {
    const on = makeBot({ system: [{ id: "w", name: "웰컴", type: "welcome", outputs: [{ simpleText: { text: "어서 오세요" } }] }] });
    const r1 = await new Session(on).send({ type: "welcome" });
    assert.equal(text(r1), "어서 오세요");
    const off = makeBot({ system: [{ id: "w", name: "웰컴", type: "welcome", enabled: false }] });
    const r2 = await new Session(off).send({ type: "welcome" });
    assert.deepEqual(r2.response.outputs, []);
    assert.equal(r2.trace.block, null);
  });

  test("an event runs its event block and exposes event data to templates", async () => {
    const bot = makeBot({
      blocks: [
        {
          id: "ev",
          name: "출고 알림",
          type: "event",
          eventName: "shipped",
          outputs: [{ simpleText: { text: "송장 {{#current.event.data.tracking}} / #current.event.data.carrier" } }],
        },
      ],
    });
    const s = new Session(bot);
    const r = await s.send({ type: "event", name: "shipped", data: { tracking: "123-45", carrier: "CJ" } });
    assert.equal(text(r), "송장 123-45 / CJ");
    assert.equal(r.trace.trigger.type, "EVENT");
    const none = await s.send({ type: "event", name: "unknown" });
    assert.deepEqual(none.response.outputs, []);
    assert.match(none.trace.findings.join("\n"), /no event block/);
  });
});

describe("skills", () => {
  const card: SkillResponse = {
    version: "2.0",
    template: { outputs: [{ simpleText: { text: "스킬이 만든 $답" } }] },
    context: { values: [{ name: "fromSkill", lifeSpan: 3, ttl: 30, params: { k: "v" } }] },
  };

  test("useSkillData answers with the template as-is and appends the block's quick replies when it has none", async () => {
    const bot = makeBot({
      blocks: [
        {
          id: "rec",
          name: "추천",
          utterances: ["추천해줘"],
          skill: "sk",
          useSkillData: true,
          quickReplies: [{ label: "처음으로", action: "message", messageText: "처음으로" }],
        },
      ],
    });
    const s = new Session(bot, () => ({ ok: true, response: card, findings: [], latencyMs: 5 }));
    const r = await s.send("추천해줘");
    assert.equal(text(r), "스킬이 만든 $답", "skill templates are not templated again");
    assert.deepEqual(
      r.response.quickReplies.map((q) => q.label),
      ["처음으로"],
    );
    assert.deepEqual(r.state.contexts[0]?.name, "fromSkill", "context.values sets contexts");
    assert.equal(r.trace.skill?.latencyMs, 5);
    assert.equal(s.calls[0]?.usesSkillData, true);
  });

  test("a failing skill answers with settings.skillErrorMessage and records why", async () => {
    const bot = makeBot({
      settings: { skillErrorMessage: "잠시 후 다시 시도해 주세요" },
      blocks: [{ id: "rec", name: "추천", utterances: ["추천해줘"], skill: "sk", useSkillData: true }],
    });
    const s = new Session(bot, () => ({ ok: false, reason: "timeout", detail: "no answer within 5000 ms", latencyMs: 5000 }));
    const r = await s.send("추천해줘");
    assert.equal(text(r), "잠시 후 다시 시도해 주세요");
    assert.equal(r.trace.skill?.error?.reason, "timeout");
    assert.match(r.trace.findings.join("\n"), /timeout/);
  });

  test("useCallback: waiting text now (filled from data), final answer through renderCallbackResponse", async () => {
    const bot = makeBot({
      blocks: [
        {
          id: "ai",
          name: "AI 상담",
          utterances: ["상담해줘"],
          skill: "sk",
          useSkillData: true,
          allowCallback: true,
          callbackWaitingText: "{{#webhook.who}}가 생각 중이에요",
        },
      ],
    });
    const s = new Session(bot, () => ({
      ok: true,
      response: { version: "2.0", useCallback: true, data: { who: "상담봇" } },
      findings: [],
      latencyMs: 1,
    }));
    const r = await s.send("상담해줘");
    assert.equal(text(r), "상담봇가 생각 중이에요");
    assert.deepEqual(r.trace.pendingCallback, { blockId: "ai" });
    assert.equal(s.calls[0]?.payload.userRequest.callbackUrl, "https://cb.example.com/ai");
    const final = renderCallbackResponse(bot, "ai", card, r.state, T0);
    assert.equal(text({ ...r, response: final.response }), "스킬이 만든 $답");
    assert.equal(final.state.contexts[0]?.name, "fromSkill");
  });
});

describe("parameter validation skill", () => {
  const bot = () =>
    makeBot({
      blocks: [
        {
          id: "phone",
          name: "전화번호 등록",
          utterances: ["전화번호 등록"],
          parameters: [
            { name: "phone", entity: "sys.phone.number", required: true, prompts: ["전화번호를 알려 주세요."], validationSkill: "sk" },
          ],
          outputs: [{ simpleText: { text: "$phone 등록 완료" } }],
        },
      ],
    });

  test("FAIL re-asks with the skill's message; SUCCESS may replace the value", async () => {
    const s = new Session(bot());
    const seen: string[] = [];
    const env = s.env.bind(s);
    s.env = () => ({
      ...env(),
      validateParameter: async (call) => {
        seen.push(`${call.parameter}:${call.payload.value.origin}:${call.payload.isInSlotFilling}`);
        return call.payload.value.origin.startsWith("010")
          ? { status: "SUCCESS", value: "+82-10-1234-5678", findings: [] }
          : { status: "FAIL", message: "휴대폰 번호만 등록할 수 있어요.", findings: [] };
      },
    });
    let r = await s.send("전화번호 등록");
    assert.equal(text(r), "전화번호를 알려 주세요.");
    r = await s.send("02-123-4567");
    assert.equal(text(r), "휴대폰 번호만 등록할 수 있어요.");
    r = await s.send("010-1234-5678");
    assert.equal(text(r), "+82-10-1234-5678 등록 완료");
    assert.deepEqual(seen, ["phone:02-123-4567:true", "phone:010-1234-5678:true"]);
  });

  test("without a validation port the value is accepted and the trace says so", async () => {
    const s = new Session(bot());
    await s.send("전화번호 등록");
    const r = await s.send("010-1234-5678");
    assert.equal(text(r), "010-1234-5678 등록 완료");
    assert.match(r.trace.findings.join("\n"), /not validated/);
  });
});

describe("matching order", () => {
  test("an exact block utterance beats an exit phrase; otherwise the exit phrase runs the exit block", async () => {
    const bot = makeBot({
      blocks: [{ id: "stop", name: "알림 그만", utterances: ["그만"], outputs: [{ simpleText: { text: "알림을 껐어요" } }] }],
    });
    const s = new Session(bot);
    let r = await s.send("그만");
    assert.equal(text(r), "알림을 껐어요");
    r = await s.send("처음으로");
    assert.equal(r.trace.block?.type, "exit");
  });

  test("a button pointing at a missing block runs the fallback", async () => {
    const s = new Session(makeBot());
    const r = await s.send({ type: "action", source: "card", action: "block", blockId: "gone", label: "옛 버튼" });
    assert.equal(r.trace.block?.type, "fallback");
    assert.match(r.trace.findings.join("\n"), /unknown block "gone"/);
  });

  test("the trace explains the match with candidates, scores and examples", async () => {
    const bot = makeBot({
      blocks: [{ id: "hours", name: "영업시간", utterances: ["영업시간 알려줘"], outputs: [{ simpleText: { text: "10시" } }] }],
    });
    const r = await new Session(bot).send("영업 시간 알려 주세요");
    assert.equal(r.trace.match?.candidates[0]?.blockName, "영업시간");
    assert.equal(r.trace.match?.candidates[0]?.example, "영업시간 알려줘");
    assert.ok((r.trace.match?.threshold ?? 0) > 0);
  });
});

test("an event during a slot-filling loop answers without ending the loop", async () => {
  const bot = makeBot({
    blocks: [reservationBlock, { id: "ev", name: "알림", type: "event", eventName: "notice", outputs: [{ simpleText: { text: "공지" } }] }],
  });
  const s = new Session(bot);
  await s.send("예약하고 싶어요");
  const r = await s.send({ type: "event", name: "notice" });
  assert.equal(text(r), "공지");
  assert.equal(r.state.pending?.asking, "date");
  assert.equal(text(await s.send("내일")), "몇 명인가요?");
});
