import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createBotFile } from "./defaults.js";
import { type Block, type BotFile, botFileSchema } from "./schema.js";
import { type BotIssue, validateBot } from "./validate.js";

/** A small valid bot (defaults filled in) that each test bends into one specific mistake. */
function sampleBot(): BotFile {
  return botFileSchema.parse({
    schemaVersion: 1,
    name: "테스트 봇",
    entities: [{ name: "menu", entries: [{ value: "라떼", synonyms: ["카페라떼"] }] }],
    skills: [{ id: "order", name: "주문 스킬", url: "https://skills.example.com/order" }],
    scenarios: [
      {
        id: "default",
        name: "기본 시나리오",
        default: true,
        blocks: [
          { id: "welcome", name: "웰컴 블록", type: "welcome", outputs: [{ simpleText: { text: "안녕하세요" } }] },
          { id: "fallback", name: "폴백 블록", type: "fallback" },
          { id: "exit", name: "탈출 블록", type: "exit", utterances: ["취소"] },
        ],
      },
      {
        id: "orders",
        name: "주문",
        blocks: [
          {
            id: "order",
            name: "주문하기",
            utterances: ["주문할게요"],
            parameters: [{ name: "drink", entity: "menu", required: true, prompts: ["어떤 음료로 드릴까요?"] }],
            outputs: [
              {
                textCard: {
                  title: "주문",
                  buttons: [{ label: "처음으로", action: "block", blockId: "welcome" }],
                },
              },
            ],
            quickReplies: [{ label: "취소", action: "block", blockId: "exit" }],
          },
        ],
      },
    ],
  });
}

function scenario(bot: BotFile, index: number): BotFile["scenarios"][number] {
  const found = bot.scenarios[index];
  assert.ok(found, `no scenario ${index}`);
  return found;
}

function block(bot: BotFile, scenarioIndex: number, blockIndex: number): Block {
  const found = scenario(bot, scenarioIndex).blocks[blockIndex];
  assert.ok(found, `no block ${scenarioIndex}/${blockIndex}`);
  return found;
}

const orderBlock = (bot: BotFile) => block(bot, 1, 0);

/** Lets a test put a value the types forbid (that is what the validator is for). */
function loosely(value: object): Record<string, unknown> {
  return value as Record<string, unknown>;
}

function errorsOf(input: unknown): BotIssue[] {
  const result = validateBot(input);
  assert.equal(result.ok, false, "expected the bot to be rejected");
  return result.ok ? [] : result.errors.map(({ path, message }) => ({ path, message }));
}

function assertError(errors: BotIssue[], path: string, message: RegExp): void {
  const hit = errors.find((e) => e.path === path);
  assert.ok(hit, `no error at ${path}; got ${JSON.stringify(errors)}`);
  assert.match(hit.message, message);
}

describe("validateBot: schema", () => {
  test("accepts the sample and fills defaults", () => {
    const result = validateBot(sampleBot());
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    assert.equal(result.bot.timezone, "Asia/Seoul");
    assert.equal(result.bot.language, "ko");
    assert.equal(result.bot.settings.maxReprompts, 2);
    const order = result.bot.scenarios[1]?.blocks[0];
    assert.equal(order?.type, "normal");
    assert.equal(order?.enabled, true);
    assert.deepEqual(order?.inputContexts, []);
    assert.equal(result.bot.skills[0]?.timeoutMs, 5000);
  });

  test("reports every schema problem at once, each with its path", () => {
    const bot: Record<string, unknown> = { ...sampleBot(), schemaVersion: 2, name: "", timezone: "Mars/Olympus", extra: 1 };
    const errors = errorsOf(bot);
    assertError(errors, "schemaVersion", /must be 1/);
    assertError(errors, "name", /must not be empty/);
    assertError(errors, "timezone", /IANA time zone/);
    assertError(errors, "", /Unrecognized key.*extra/);
    assert.equal(errors.length, 4);
  });

  test("rejects malformed ids, unknown block keys and out-of-range limits with nested paths", () => {
    const bot = sampleBot();
    const order = orderBlock(bot);
    order.id = "주문 블록";
    loosely(order).colour = "red";
    const skill = bot.skills[0];
    assert.ok(skill);
    skill.url = "ftp://example.com/x";
    skill.timeoutMs = 50;
    order.outputs = [1, 2, 3, 4].map(() => ({ simpleText: { text: "x" } }));
    const errors = errorsOf(bot);
    assertError(errors, "scenarios[1].blocks[0].id", /1-64 characters/);
    assertError(errors, "scenarios[1].blocks[0]", /Unrecognized key.*colour/);
    assertError(errors, "skills[0].url", /http\(s\) URL/);
    assertError(errors, "skills[0].timeoutMs", /./);
    assertError(errors, "scenarios[1].blocks[0].outputs", /at most 3 outputs/);
  });

  test("needs at least one scenario", () => {
    assertError(errorsOf({ schemaVersion: 1, name: "x", scenarios: [] }), "scenarios", /at least the default scenario/);
    assertError(errorsOf({ schemaVersion: 1, name: "x" }), "scenarios", /./);
  });

  test("custom entity names may not use the reserved sys prefix", () => {
    const bot = sampleBot();
    bot.entities.push({ name: "sysMenu", description: "", entries: [{ value: "a", synonyms: [] }] });
    assertError(errorsOf(bot), "entities[1].name", /reserved for system entities/);
  });
});

describe("validateBot: rules across the document", () => {
  test("a button that jumps to an unknown block is reported at the button's blockId", () => {
    const bot = sampleBot();
    const card = orderBlock(bot).outputs[0];
    const button = card && "textCard" in card ? card.textCard.buttons?.[0] : undefined;
    assert.ok(button);
    button.blockId = "nowhere";
    const errors = errorsOf(bot);
    assertError(errors, "scenarios[1].blocks[0].outputs[0].textCard.buttons[0].blockId", /unknown block "nowhere"/);
    assert.equal(errors.length, 1);
  });

  test("quick replies and list items that jump to unknown blocks are reported", () => {
    const bot = sampleBot();
    const order = orderBlock(bot);
    order.quickReplies = [{ label: "어디로", action: "block", blockId: "ghost" }];
    loosely(order).outputs = [{ listCard: { header: { title: "목록" }, items: [{ title: "항목", action: "block", blockId: "ghost-2" }] } }];
    const errors = errorsOf(bot);
    assertError(errors, "scenarios[1].blocks[0].quickReplies[0].blockId", /unknown block "ghost"/);
    assertError(errors, "scenarios[1].blocks[0].outputs[0].listCard.items[0].blockId", /unknown block "ghost-2"/);
  });

  test("duplicate block ids and names are reported with where the first one is", () => {
    const bot = sampleBot();
    scenario(bot, 1).blocks.push({ ...orderBlock(bot) });
    const errors = errorsOf(bot);
    assertError(errors, "scenarios[1].blocks[1].id", /duplicate block id "order" \(also at scenarios\[1\]\.blocks\[0\]\)/);
    assertError(errors, "scenarios[1].blocks[1].name", /duplicate block name "주문하기"/);
  });

  test("duplicate scenario, skill and entity ids are reported", () => {
    const bot = sampleBot();
    bot.scenarios.push({ ...scenario(bot, 1), blocks: [] });
    const skill = bot.skills[0];
    assert.ok(skill);
    bot.skills.push({ ...skill, name: "다른 스킬" });
    bot.entities.push({ name: "menu", description: "", entries: [{ value: "모카", synonyms: [] }] });
    const errors = errorsOf(bot);
    assertError(errors, "scenarios[2].id", /duplicate scenario id "orders"/);
    assertError(errors, "skills[1].id", /duplicate skill id "order"/);
    assertError(errors, "entities[1].name", /duplicate entity name "menu"/);
  });

  test("unknown skills are reported on blocks, parameters and settings", () => {
    const bot = sampleBot();
    const order = orderBlock(bot);
    order.skill = "missing-skill";
    const param = order.parameters[0];
    assert.ok(param);
    param.validationSkill = "check-skill";
    bot.settings.defaultSkill = "nope";
    const errors = errorsOf(bot);
    assertError(errors, "scenarios[1].blocks[0].skill", /unknown skill "missing-skill"/);
    assertError(errors, "scenarios[1].blocks[0].parameters[0].validationSkill", /unknown skill "check-skill"/);
    assertError(errors, "settings.defaultSkill", /unknown skill "nope"/);
  });

  test("a parameter's entity must be a system entity or one of the bot's own", () => {
    const bot = sampleBot();
    const order = orderBlock(bot);
    order.parameters.push({ name: "when", entity: "sys.date", required: false, prompts: [] });
    order.parameters.push({ name: "size", entity: "cupSize", required: false, prompts: [] });
    const errors = errorsOf(bot);
    assertError(errors, "scenarios[1].blocks[0].parameters[2].entity", /unknown entity "cupSize"/);
    assert.equal(errors.length, 1, "sys.date and the custom entity menu are known");
  });

  test("a required parameter needs a re-prompt question; parameter names are unique per block", () => {
    const bot = sampleBot();
    const order = orderBlock(bot);
    order.parameters.push({ name: "drink", entity: "sys.number", required: true, prompts: [] });
    const errors = errorsOf(bot);
    assertError(errors, "scenarios[1].blocks[0].parameters[1].prompts", /required parameter needs at least one re-prompt/);
    assertError(errors, "scenarios[1].blocks[0].parameters[1].name", /duplicate parameter "drink"/);
  });

  test("event blocks need a unique eventName; other blocks may not have one", () => {
    const bot = sampleBot();
    const blocks = scenario(bot, 1).blocks;
    const event = (id: string, name: string, eventName?: string): Block => ({ ...orderBlock(bot), id, name, type: "event", eventName });
    blocks.push(event("ev1", "이벤트 1"));
    blocks.push(event("ev2", "이벤트 2", "order_ready"));
    blocks.push(event("ev3", "이벤트 3", "order_ready"));
    orderBlock(bot).eventName = "not_allowed";
    const errors = errorsOf(bot);
    assertError(errors, "scenarios[1].blocks[1].eventName", /needs an eventName/);
    assertError(errors, "scenarios[1].blocks[3].eventName", /duplicate event name "order_ready"/);
    assertError(errors, "scenarios[1].blocks[0].eventName", /only event blocks/);
    assert.equal(errors.length, 3);
  });

  test("system blocks live in the default scenario; only the welcome block can be switched off", () => {
    const bot = sampleBot();
    const fallback = scenario(bot, 0).blocks.splice(1, 1)[0];
    assert.ok(fallback);
    scenario(bot, 1).blocks.push(fallback);
    orderBlock(bot).enabled = false;
    const errors = errorsOf(bot);
    assertError(errors, "scenarios[1].blocks[1].type", /fallback block must be in the default scenario/);
    assertError(errors, "scenarios[1].blocks[0].enabled", /only the welcome block/);
    const welcomeOff = sampleBot();
    block(welcomeOff, 0, 0).enabled = false;
    assert.ok(validateBot(welcomeOff).ok);
  });

  test("exactly one default scenario and one of each system block", () => {
    const bot = sampleBot();
    scenario(bot, 1).default = true;
    assertError(errorsOf(bot), "scenarios", /exactly one scenario must be the default, found 2/);
    const twoExits = sampleBot();
    scenario(twoExits, 0).blocks.push({ ...block(twoExits, 0, 2), id: "exit2", name: "탈출 2" });
    assertError(errorsOf(twoExits), "scenarios", /exactly one exit block is required, found 2/);
  });

  test("the exit block needs a phrase", () => {
    const bot = sampleBot();
    block(bot, 0, 2).utterances = [];
    assertError(errorsOf(bot), "scenarios[0].blocks[2].utterances", /exit block needs at least one phrase/);
  });

  test("skill data rules: a skill to call, no outputs of its own, callbacks only with skill data", () => {
    const bot = sampleBot();
    const order = orderBlock(bot);
    order.useSkillData = true;
    const errors = errorsOf(bot);
    assertError(errors, "scenarios[1].blocks[0].useSkillData", /names no skill/);
    assertError(errors, "scenarios[1].blocks[0].outputs", /remove outputs/);
    const callback = sampleBot();
    orderBlock(callback).allowCallback = true;
    assertError(errorsOf(callback), "scenarios[1].blocks[0].allowCallback", /callbacks need useSkillData/);
    const withDefault = sampleBot();
    withDefault.settings.defaultSkill = "order";
    const skillBlock = orderBlock(withDefault);
    skillBlock.useSkillData = true;
    skillBlock.outputs = [];
    assert.ok(validateBot(withDefault).ok, "the default skill stands in for a block without one");
  });
});

describe("validateBot: the platform's display limits", () => {
  test("over-long texts and too many buttons are errors at the component's path; long quick reply labels only warn", () => {
    const bot = sampleBot();
    const order = orderBlock(bot);
    order.outputs = [
      { simpleText: { text: "가".repeat(1001) } },
      {
        textCard: {
          title: "버튼",
          buttons: [1, 2, 3, 4].map((n) => ({ label: `버튼 ${n}`, action: "message" as const, messageText: "x" })),
        },
      },
    ];
    order.quickReplies = [{ label: "아주 아주 아주 아주 길고 긴 빠른 답장 라벨", action: "message", messageText: "x" }];
    const errors = errorsOf(bot);
    assertError(errors, "scenarios[1].blocks[0].outputs[0].simpleText.text", /at most 1000 characters, got 1001/);
    assertError(errors, "scenarios[1].blocks[0].outputs[1].textCard.buttons", /at most 3, got 4/);
    assert.equal(errors.length, 2);
    const exactly = sampleBot();
    orderBlock(exactly).outputs = [{ simpleText: { text: "가".repeat(1000) } }];
    assert.ok(validateBot(exactly).ok, "1000 characters is still fine");
  });
});

describe("validateBot: missing system blocks", () => {
  test("are added to the default scenario, and the first scenario becomes the default", () => {
    const result = validateBot({
      schemaVersion: 1,
      name: "빈 봇",
      scenarios: [{ id: "main", name: "메인", blocks: [{ id: "hello", name: "인사", utterances: ["안녕"] }] }],
    });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    const main = result.bot.scenarios[0];
    assert.equal(main?.default, true);
    assert.deepEqual(
      main?.blocks.map((b) => [b.id, b.type]),
      [
        ["hello", "normal"],
        ["welcome", "welcome"],
        ["fallback", "fallback"],
        ["exit", "exit"],
      ],
      "added after the author's blocks, so their indexes (and error paths) stay as written",
    );
    assert.ok((main?.blocks[3]?.utterances.length ?? 0) > 0, "the added exit block has phrases");
  });

  test("added blocks get fresh ids and names when the defaults are taken", () => {
    const result = validateBot({
      schemaVersion: 1,
      name: "봇",
      scenarios: [{ id: "main", name: "메인", default: true, blocks: [{ id: "welcome", name: "폴백 블록" }] }],
    });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    const blocks = result.bot.scenarios[0]?.blocks ?? [];
    const welcome = blocks.find((b) => b.type === "welcome");
    const fallback = blocks.find((b) => b.type === "fallback");
    assert.equal(welcome?.id, "welcome-2");
    assert.equal(fallback?.name, "폴백 블록 2");
    assert.equal(new Set(blocks.map((b) => b.id)).size, blocks.length);
  });

  test("only missing ones are added", () => {
    const bot = sampleBot();
    scenario(bot, 0).blocks.splice(1, 1);
    const result = validateBot(bot);
    assert.ok(result.ok);
    const types = result.bot.scenarios[0]?.blocks.map((b) => b.type);
    assert.deepEqual(types?.slice().sort(), ["exit", "fallback", "welcome"]);
  });

  test("createBotFile makes a valid bot with the three system blocks", () => {
    const bot = createBotFile({ name: "새 봇", timezone: "Asia/Tokyo" });
    const result = validateBot(bot);
    assert.ok(result.ok);
    assert.equal(result.bot.timezone, "Asia/Tokyo");
    assert.deepEqual(result.bot.scenarios[0]?.blocks.map((b) => b.type).sort(), ["exit", "fallback", "welcome"]);
  });
});
