/**
 * Defaults for new bots and for files that leave out the system blocks: every bot has a default
 * scenario (기본 시나리오) with a welcome, a fallback and an exit block.
 */
import { type Block, BOT_SCHEMA_VERSION, type BotFile, blockSchema, botFileSchema, type Scenario } from "./schema.js";

export const DEFAULT_SCENARIO_ID = "default";

const SYSTEM_BLOCK_TEMPLATES: Record<"welcome" | "fallback" | "exit", unknown> = {
  welcome: {
    id: "welcome",
    name: "웰컴 블록",
    type: "welcome",
    outputs: [{ simpleText: { text: "안녕하세요! 무엇을 도와드릴까요?" } }],
  },
  fallback: {
    id: "fallback",
    name: "폴백 블록",
    type: "fallback",
    outputs: [{ simpleText: { text: "죄송해요, 잘 이해하지 못했어요. 다른 말로 다시 말씀해 주시겠어요?" } }],
  },
  exit: {
    id: "exit",
    name: "탈출 블록",
    type: "exit",
    utterances: ["취소", "처음으로", "그만"],
    outputs: [{ simpleText: { text: "진행 중이던 대화를 취소했어요. 처음부터 다시 말씀해 주세요." } }],
  },
};

function systemBlock(type: "welcome" | "fallback" | "exit", takenIds: ReadonlySet<string>, takenNames: ReadonlySet<string>): Block {
  const block = blockSchema.parse(SYSTEM_BLOCK_TEMPLATES[type]);
  let id = block.id;
  for (let n = 2; takenIds.has(id); n++) id = `${block.id}-${n}`;
  let name = block.name;
  for (let n = 2; takenNames.has(name); n++) name = `${block.name} ${n}`;
  return { ...block, id, name };
}

/** Marks the first scenario default when none is, and adds any missing system block to it. */
export function addMissingSystemBlocks(bot: BotFile): BotFile {
  if (bot.scenarios.length === 0) return bot;
  let scenarios: Scenario[] = bot.scenarios;
  if (!scenarios.some((s) => s.default)) {
    scenarios = scenarios.map((s, i) => (i === 0 ? { ...s, default: true } : s));
  }
  const allBlocks = scenarios.flatMap((s) => s.blocks);
  const missing = (["welcome", "fallback", "exit"] as const).filter((t) => !allBlocks.some((b) => b.type === t));
  if (missing.length === 0 && scenarios === bot.scenarios) return bot;
  const ids = new Set(allBlocks.map((b) => b.id));
  const names = new Set(allBlocks.map((b) => b.name));
  const added = missing.map((type) => {
    const block = systemBlock(type, ids, names);
    ids.add(block.id);
    names.add(block.name);
    return block;
  });
  // Appended, not prepended: blocks already in the file keep their index, so error paths and
  // line numbers from validation still point at the block the author wrote.
  scenarios = scenarios.map((s) => (s.default ? { ...s, blocks: [...s.blocks, ...added] } : s));
  return { ...bot, scenarios };
}

/** A new, valid bot with only the default scenario and its system blocks. */
export function createBotFile(fields: { name: string; description?: string; timezone?: string; language?: "ko" | "en" }): BotFile {
  const bot = botFileSchema.parse({
    schemaVersion: BOT_SCHEMA_VERSION,
    ...fields,
    scenarios: [{ id: DEFAULT_SCENARIO_ID, name: "기본 시나리오", default: true, blocks: [] }],
  });
  return addMissingSystemBlocks(bot);
}
