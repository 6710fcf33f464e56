/**
 * The bot being edited: a local copy of the draft with an undo history, saved with the revision it
 * was read at so two editors never silently overwrite each other (409 revision_conflict).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Block, BotFile, Scenario } from "../../../../src/core/bot/schema.js";

/** Changes to the same field within this window count as one step for undo (typing a word). */
const COALESCE_MS = 1000;
const HISTORY_MAX = 100;

export interface DraftState {
  draft: BotFile;
  /** The revision the local copy is based on. */
  revision: number;
  dirty: boolean;
  canUndo: boolean;
  update(change: (draft: BotFile) => BotFile, key?: string): void;
  undo(): void;
  /** Replace everything (after a save or a reload). */
  reset(draft: BotFile, revision: number): void;
}

export function useDraft(initial: BotFile, initialRevision: number): DraftState {
  const [draft, setDraft] = useState(initial);
  const [revision, setRevision] = useState(initialRevision);
  const [saved, setSaved] = useState(initial);
  const history = useRef<BotFile[]>([]);
  const last = useRef<{ key: string; at: number } | null>(null);
  const [, setTick] = useState(0);

  // The ref is the source of truth so several changes in one tick build on each other.
  const current = useRef(initial);

  const update = useCallback((change: (d: BotFile) => BotFile, key = "") => {
    const before = current.current;
    const next = change(before);
    if (next === before) return;
    const now = Date.now();
    const coalesce = key !== "" && last.current?.key === key && now - last.current.at < COALESCE_MS;
    if (!coalesce) history.current = [...history.current.slice(-HISTORY_MAX + 1), before];
    last.current = { key, at: now };
    current.current = next;
    setDraft(next);
    setTick((n) => n + 1);
  }, []);

  const undo = useCallback(() => {
    const previous = history.current.at(-1);
    if (!previous) return;
    history.current = history.current.slice(0, -1);
    last.current = null;
    current.current = previous;
    setDraft(previous);
    setTick((n) => n + 1);
  }, []);

  const reset = useCallback((next: BotFile, nextRevision: number) => {
    history.current = [];
    last.current = null;
    current.current = next;
    setDraft(next);
    setSaved(next);
    setRevision(nextRevision);
  }, []);

  return { draft, revision, dirty: draft !== saved, canUndo: history.current.length > 0, update, undo, reset };
}

/** Warn before the tab closes with unsaved changes. */
export function useBeforeUnload(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const handler = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener("beforeunload", handler);
    return () => window.removeEventListener("beforeunload", handler);
  }, [active]);
}

export interface BlockLocation {
  scenarioIndex: number;
  blockIndex: number;
  scenario: Scenario;
  block: Block;
}

export function findBlock(bot: BotFile, blockId: string | null): BlockLocation | null {
  if (!blockId) return null;
  for (const [scenarioIndex, scenario] of bot.scenarios.entries()) {
    const blockIndex = scenario.blocks.findIndex((b) => b.id === blockId);
    const block = scenario.blocks[blockIndex];
    if (block) return { scenarioIndex, blockIndex, scenario, block };
  }
  return null;
}

/** Replaces one block, leaving every other object identical (cheap re-renders, exact undo). */
export function replaceBlock(bot: BotFile, blockId: string, change: (b: Block) => Block): BotFile {
  return {
    ...bot,
    scenarios: bot.scenarios.map((s) =>
      s.blocks.some((b) => b.id === blockId) ? { ...s, blocks: s.blocks.map((b) => (b.id === blockId ? change(b) : b)) } : s,
    ),
  };
}

export function allBlocks(bot: BotFile): Block[] {
  return bot.scenarios.flatMap((s) => s.blocks);
}
