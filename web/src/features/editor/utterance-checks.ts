/** Duplicate and cross-block conflict flags for example utterances. */
import type { BotFile } from "../../../../src/core/bot/schema.js";

/** Spacing, case and trailing punctuation do not make two utterances different to the matcher. */
export function normalizeUtterance(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s.,!?~·…"'’”]+/gu, "");
}

export interface UtteranceFlags {
  /** Index of the earlier identical utterance in the same block. */
  duplicateOf?: number;
  /** Other blocks that list the same utterance. */
  conflicts: Array<{ id: string; name: string }>;
}

export function flagUtterances(bot: BotFile, blockId: string, utterances: readonly string[]): UtteranceFlags[] {
  const others = new Map<string, Array<{ id: string; name: string }>>();
  for (const scenario of bot.scenarios) {
    for (const block of scenario.blocks) {
      if (block.id === blockId) continue;
      for (const u of block.utterances) {
        const key = normalizeUtterance(u);
        const list = others.get(key) ?? [];
        if (!list.some((b) => b.id === block.id)) list.push({ id: block.id, name: block.name });
        others.set(key, list);
      }
    }
  }
  const seen = new Map<string, number>();
  return utterances.map((u, i) => {
    const key = normalizeUtterance(u);
    const flags: UtteranceFlags = { conflicts: others.get(key) ?? [] };
    const first = seen.get(key);
    if (first !== undefined) flags.duplicateOf = first;
    else seen.set(key, i);
    return flags;
  });
}

/** Lines of a bulk paste: trimmed, blank lines and exact repeats dropped. */
export function splitBulk(text: string, existing: readonly string[]): string[] {
  const have = new Set(existing.map(normalizeUtterance));
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const u = line.trim();
    if (u === "") continue;
    const key = normalizeUtterance(u);
    if (have.has(key)) continue;
    have.add(key);
    out.push(u);
  }
  return out;
}
