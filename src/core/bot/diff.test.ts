import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createBotFile } from "./defaults.js";
import { diffBots } from "./diff.js";
import type { Block, BotFile } from "./schema.js";
import { validateBot } from "./validate.js";

function baseBot(): BotFile {
  const result = validateBot({
    schemaVersion: 1,
    name: "비교용 봇",
    entities: [{ name: "size", entries: [{ value: "톨" }] }],
    skills: [{ id: "s1", name: "스킬", url: "https://example.com/s1" }],
    scenarios: [
      { id: "default", name: "기본 시나리오", default: true, blocks: [] },
      {
        id: "faq",
        name: "자주 묻는 질문",
        blocks: [
          { id: "hours", name: "영업시간", utterances: ["영업시간"], outputs: [{ simpleText: { text: "10시-7시" } }] },
          { id: "parking", name: "주차", utterances: ["주차 돼요"], outputs: [{ simpleText: { text: "2시간 무료" } }] },
        ],
      },
      { id: "misc", name: "기타", blocks: [] },
    ],
  });
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  return result.bot;
}

/** A deep copy that tests may change freely. */
function copy(bot: BotFile): BotFile {
  return structuredClone(bot);
}

function blockOf(bot: BotFile, id: string): Block {
  const block = bot.scenarios.flatMap((s) => s.blocks).find((b) => b.id === id);
  assert.ok(block, `no block ${id}`);
  return block;
}

describe("diffBots", () => {
  test("identical bots have no differences", () => {
    const diff = diffBots(baseBot(), baseBot());
    assert.equal(diff.identical, true);
    assert.deepEqual(diff.blocks, { added: [], changed: [], removed: [] });
    assert.deepEqual(diff.bot, []);
  });

  test("reports added, changed and removed blocks with their scenario and changed fields", () => {
    const before = baseBot();
    const after = copy(before);
    const faq = after.scenarios[1];
    assert.ok(faq);
    blockOf(after, "hours").utterances.push("몇 시까지 해요");
    blockOf(after, "hours").outputs = [{ simpleText: { text: "10시-8시" } }];
    faq.blocks = faq.blocks.filter((b) => b.id !== "parking");
    faq.blocks.push({ ...blockOf(before, "hours"), id: "holiday", name: "휴무일", utterances: ["쉬는 날"] });

    const diff = diffBots(before, after);
    assert.equal(diff.identical, false);
    assert.deepEqual(diff.blocks.added, [{ id: "holiday", name: "휴무일", scenario: "자주 묻는 질문" }]);
    assert.deepEqual(diff.blocks.removed, [{ id: "parking", name: "주차", scenario: "자주 묻는 질문" }]);
    assert.equal(diff.blocks.changed.length, 1);
    assert.equal(diff.blocks.changed[0]?.id, "hours");
    assert.deepEqual(diff.blocks.changed[0]?.fields.slice().sort(), ["outputs", "utterances"]);
    assert.deepEqual(diff.scenarios.changed, ["faq"], "the scenario's block list changed");
  });

  test("a block moved to another scenario is changed with field 'scenario'", () => {
    const before = baseBot();
    const after = copy(before);
    const parking = blockOf(after, "parking");
    const faq = after.scenarios[1];
    const misc = after.scenarios[2];
    assert.ok(faq && misc);
    faq.blocks = faq.blocks.filter((b) => b.id !== "parking");
    misc.blocks.push(parking);
    const diff = diffBots(before, after);
    assert.deepEqual(diff.blocks.added, []);
    assert.deepEqual(diff.blocks.removed, []);
    assert.deepEqual(diff.blocks.changed, [{ id: "parking", name: "주차", scenario: "기타", fields: ["scenario"] }]);
  });

  test("renaming a block is a change of its name field, not a removal", () => {
    const before = baseBot();
    const after = copy(before);
    blockOf(after, "parking").name = "주차 안내";
    const diff = diffBots(before, after);
    assert.deepEqual(diff.blocks.changed, [{ id: "parking", name: "주차 안내", scenario: "자주 묻는 질문", fields: ["name"] }]);
  });

  test("entities, skills, scenarios and bot fields", () => {
    const before = baseBot();
    const after = copy(before);
    after.description = "바뀐 설명";
    after.settings.maxReprompts = 3;
    after.entities[0]?.entries.push({ value: "그란데", synonyms: [] });
    after.entities.push({ name: "temp", description: "", entries: [{ value: "아이스", synonyms: [] }] });
    after.skills = [];
    after.scenarios.push({ id: "new", name: "새 시나리오", default: false, blocks: [] });
    const diff = diffBots(before, after);
    assert.deepEqual(diff.bot.slice().sort(), ["description", "settings"]);
    assert.deepEqual(diff.entities, { added: ["temp"], changed: ["size"], removed: [] });
    assert.deepEqual(diff.skills, { added: [], changed: [], removed: ["s1"] });
    assert.deepEqual(diff.scenarios.added, ["new"]);
    assert.deepEqual(diff.blocks, { added: [], changed: [], removed: [] });
    assert.equal(diff.identical, false);
  });

  test("two freshly created bots differ only where their fields differ", () => {
    const diff = diffBots(createBotFile({ name: "A" }), createBotFile({ name: "B" }));
    assert.deepEqual(diff.bot, ["name"]);
    assert.equal(diff.identical, false);
  });
});
