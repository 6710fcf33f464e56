/**
 * What changed between two versions of a bot: which blocks were added, changed or removed, and
 * which other parts (entities, skills, settings, scenarios) differ. Used by version history and
 * the "draft vs deployed" view.
 */
import { deepEqual } from "./deep-equal.js";
import type { Block, BotFile } from "./schema.js";

export interface BlockRef {
  id: string;
  name: string;
  scenario: string;
}

export interface BlockChange extends BlockRef {
  /** Top-level block fields that differ, e.g. ["utterances", "outputs"]. */
  fields: string[];
}

export interface BotDiff {
  blocks: { added: BlockRef[]; changed: BlockChange[]; removed: BlockRef[] };
  entities: { added: string[]; changed: string[]; removed: string[] };
  skills: { added: string[]; changed: string[]; removed: string[] };
  scenarios: { added: string[]; changed: string[]; removed: string[] };
  /** Bot-level fields that differ: name, description, timezone, language, info, settings. */
  bot: string[];
  identical: boolean;
}

function indexBlocks(bot: BotFile): Map<string, { block: Block; scenario: string }> {
  const map = new Map<string, { block: Block; scenario: string }>();
  for (const scenario of bot.scenarios) {
    for (const block of scenario.blocks) map.set(block.id, { block, scenario: scenario.name });
  }
  return map;
}

function diffNamed<T>(before: readonly T[], after: readonly T[], key: (t: T) => string) {
  const a = new Map(before.map((t) => [key(t), t]));
  const b = new Map(after.map((t) => [key(t), t]));
  return {
    added: [...b.keys()].filter((k) => !a.has(k)),
    removed: [...a.keys()].filter((k) => !b.has(k)),
    changed: [...b.keys()].filter((k) => a.has(k) && !deepEqual(a.get(k), b.get(k))),
  };
}

/** Differences from `before` to `after`. */
export function diffBots(before: BotFile, after: BotFile): BotDiff {
  const a = indexBlocks(before);
  const b = indexBlocks(after);
  const blocks: BotDiff["blocks"] = { added: [], changed: [], removed: [] };
  for (const [id, { block, scenario }] of b) {
    const old = a.get(id);
    if (!old) {
      blocks.added.push({ id, name: block.name, scenario });
      continue;
    }
    const fields = (Object.keys({ ...old.block, ...block }) as Array<keyof Block>).filter((f) => !deepEqual(old.block[f], block[f]));
    if (old.scenario !== scenario) fields.push("scenario" as keyof Block);
    if (fields.length > 0) blocks.changed.push({ id, name: block.name, scenario, fields: fields.map(String) });
  }
  for (const [id, { block, scenario }] of a) {
    if (!b.has(id)) blocks.removed.push({ id, name: block.name, scenario });
  }
  const scenarioShape = (s: BotFile["scenarios"][number]) => ({ ...s, blocks: s.blocks.map((x) => x.id) });
  const scenarios = diffNamed(before.scenarios.map(scenarioShape), after.scenarios.map(scenarioShape), (s) => s.id);
  const botFields = (["name", "description", "timezone", "language", "info", "settings"] as const).filter(
    (f) => !deepEqual(before[f], after[f]),
  );
  const diff: BotDiff = {
    blocks,
    entities: diffNamed(before.entities, after.entities, (e) => e.name),
    skills: diffNamed(before.skills, after.skills, (s) => s.id),
    scenarios,
    bot: [...botFields],
    identical: false,
  };
  diff.identical =
    blocks.added.length + blocks.changed.length + blocks.removed.length === 0 &&
    [diff.entities, diff.skills, diff.scenarios].every((d) => d.added.length + d.changed.length + d.removed.length === 0) &&
    diff.bot.length === 0;
  return diff;
}
