/**
 * Compiled bots (matcher built, blocks indexed), cached by bot and version or draft revision.
 * Versions are immutable, so a cached entry never goes stale; drafts are keyed by revision.
 */
import type { BotFile } from "../core/bot/schema.js";
import { type CompiledBot, compileBot } from "../core/dialog/index.js";

const MAX_ENTRIES = 64;

export class CompiledBotCache {
  private readonly entries = new Map<string, CompiledBot>();

  get(key: string, bot: () => BotFile): CompiledBot {
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert to keep the most recently used entries at the end.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const file = bot();
    const compiled = compileBot(file, file.settings.matchThreshold === undefined ? {} : { threshold: file.settings.matchThreshold });
    this.entries.set(key, compiled);
    while (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return compiled;
  }
}
