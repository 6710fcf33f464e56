/**
 * Context lifecycle. The counting rule (documented in docs/conversation-engine.md):
 * - A block (or its skill's `context.values`) sets a context with `lifeSpan` N and `ttl` T seconds.
 * - The context is alive for the next N turns after the one that set it, and for at most T seconds
 *   from the moment it was set (T = 0: no time limit). Whichever runs out first ends it.
 * - Every turn counts (typed text, button clicks, slot-filling replies, welcome and event turns).
 * - At the end of each turn, every context the turn did not set loses one from its lifeSpan; at 0 it
 *   is removed. Setting a context again refreshes lifeSpan, ttl and params. lifeSpan 0 deletes.
 */
import type { StoredContext } from "./types.js";

export interface ContextUpdate {
  name: string;
  lifeSpan: number;
  ttl?: number;
  params?: Record<string, string>;
}

/** Contexts that are still alive at `now` (lifeSpan left and TTL not passed). */
export function aliveContexts(contexts: readonly StoredContext[], now: Date): StoredContext[] {
  const t = now.getTime();
  return contexts.filter((c) => c.lifeSpan > 0 && (c.expiresAt === null || Date.parse(c.expiresAt) > t));
}

/**
 * Applies updates in order. Returns the new list and the names set by them (those are not aged at
 * the end of this turn). An update without ttl keeps the previous ttl of the same context, or 600 s.
 */
export function applyContextUpdates(
  contexts: readonly StoredContext[],
  updates: readonly ContextUpdate[],
  now: Date,
  setNames: Set<string>,
): StoredContext[] {
  let out = [...contexts];
  for (const update of updates) {
    const previous = out.find((c) => c.name === update.name);
    out = out.filter((c) => c.name !== update.name);
    if (update.lifeSpan <= 0) {
      setNames.delete(update.name);
      continue;
    }
    const ttl = Math.max(0, Math.floor(update.ttl ?? previous?.ttl ?? DEFAULT_TTL_SECONDS));
    out.push({
      name: update.name,
      lifeSpan: Math.floor(update.lifeSpan),
      ttl,
      expiresAt: ttl === 0 ? null : new Date(now.getTime() + ttl * 1000).toISOString(),
      params: { ...(update.params ?? {}) },
    });
    setNames.add(update.name);
  }
  return out;
}

export const DEFAULT_TTL_SECONDS = 600;

/** End-of-turn aging: contexts not set this turn lose one turn; spent or expired ones are dropped. */
export function ageContexts(contexts: readonly StoredContext[], setThisTurn: ReadonlySet<string>, now: Date): StoredContext[] {
  const aged = contexts.map((c) => (setThisTurn.has(c.name) ? c : { ...c, lifeSpan: c.lifeSpan - 1 }));
  return aliveContexts(aged, now);
}

/** Whether every named context is alive. */
export function allAlive(names: readonly string[], alive: ReadonlySet<string>): boolean {
  return names.every((n) => alive.has(n));
}
