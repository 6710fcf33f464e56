/**
 * Turns a validated bot file into what runTurn needs: blocks indexed by id, name and event name,
 * the system blocks, the matcher over normal blocks' utterances, and the exit phrases.
 * Building the matcher is the expensive part, so callers cache a CompiledBot per deployed version.
 */
import type { Block, BotFile } from "../bot/schema.js";
import type { CustomEntityDefinition } from "../nlu/entities/index.js";
import { buildMatcher, DEFAULT_MATCH_THRESHOLD, type Matcher } from "../nlu/matcher.js";
import { normalizeUtterance } from "../nlu/normalize.js";
import { buildSearchIndex, type SearchIndex } from "../search/index.js";

export interface CompiledBot {
  bot: BotFile;
  blocksById: ReadonlyMap<string, Block>;
  blocksByName: ReadonlyMap<string, Block>;
  blocksByEvent: ReadonlyMap<string, Block>;
  welcome: Block | null;
  fallback: Block | null;
  exit: Block | null;
  /** Normal blocks, in file order: the ones the matcher can choose. */
  normalBlocks: readonly Block[];
  matcher: Matcher;
  threshold: number;
  /** Exit phrases in compact form (normalized, no spaces). */
  exitPhrases: ReadonlySet<string>;
  customEntities: readonly CustomEntityDefinition[];
  /** Context names declared by any block, with their declared param keys (for templates). */
  declaredContexts: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * The knowledge base: the help center's search finds candidate entries (questions, answers,
   * categories); a matcher trained on the questions scores them on the same calibrated scale as
   * block matching. Null when the bot has no entries.
   */
  knowledge: { search: SearchIndex; matcher: Matcher } | null;
}

export function compileBot(bot: BotFile, options: { threshold?: number } = {}): CompiledBot {
  const blocksById = new Map<string, Block>();
  const blocksByName = new Map<string, Block>();
  const blocksByEvent = new Map<string, Block>();
  const normalBlocks: Block[] = [];
  const declaredContexts = new Map<string, Set<string>>();
  let welcome: Block | null = null;
  let fallback: Block | null = null;
  let exit: Block | null = null;

  for (const scenario of bot.scenarios) {
    for (const block of scenario.blocks) {
      blocksById.set(block.id, block);
      blocksByName.set(block.name, block);
      if (block.type === "event" && block.eventName) blocksByEvent.set(block.eventName, block);
      if (block.type === "normal") normalBlocks.push(block);
      if (block.type === "welcome" && !welcome) welcome = block;
      if (block.type === "fallback" && !fallback) fallback = block;
      if (block.type === "exit" && !exit) exit = block;
      for (const ctx of block.outputContexts) {
        const keys = declaredContexts.get(ctx.name) ?? new Set<string>();
        for (const key of Object.keys(ctx.params)) keys.add(key);
        declaredContexts.set(ctx.name, keys);
      }
      for (const name of block.inputContexts) if (!declaredContexts.has(name)) declaredContexts.set(name, new Set());
    }
  }

  const threshold = options.threshold ?? bot.settings.matchThreshold ?? DEFAULT_MATCH_THRESHOLD;
  const examples = normalBlocks.flatMap((block) => block.utterances.map((text) => ({ intent: block.id, text })));
  const matcher = buildMatcher(examples, { threshold });
  const exitPhrases = new Set((exit?.utterances ?? []).map(compact).filter((p) => p.length > 0));

  return {
    bot,
    blocksById,
    blocksByName,
    blocksByEvent,
    welcome,
    fallback,
    exit,
    normalBlocks,
    matcher,
    threshold: matcher.threshold,
    exitPhrases,
    customEntities: bot.entities.map((e) => ({ name: e.name, entries: e.entries })),
    declaredContexts,
    knowledge:
      bot.knowledge.entries.length === 0
        ? null
        : {
            search: buildSearchIndex(
              bot.knowledge.entries.map((e, i) => ({ id: String(i), title: e.question, body: e.answer, category: e.categories.join(" ") })),
            ),
            matcher: buildMatcher(bot.knowledge.entries.map((e, i) => ({ intent: String(i), text: e.question }))),
          },
  };
}

/** Normalized text without spaces: "처음 으로!" and "처음으로" compare equal. */
export function compact(text: string): string {
  return normalizeUtterance(text).replace(/\s+/gu, "");
}

// Polite or imperative endings people add to a command ("취소요", "취소해줘", "그만할래").
const EXIT_ENDINGS = ["해주세요", "해줘요", "할게요", "할래요", "해줘", "할래", "하기", "요"];

/** Whether `text` is one of the exit phrases, exactly or with a short command ending. */
export function isExitPhrase(compiled: CompiledBot, text: string): boolean {
  const c = compact(text);
  if (c.length === 0) return false;
  if (compiled.exitPhrases.has(c)) return true;
  for (const ending of EXIT_ENDINGS) {
    if (c.length > ending.length && c.endsWith(ending) && compiled.exitPhrases.has(c.slice(0, -ending.length))) return true;
  }
  return false;
}
