/**
 * The knowledge base's limits (knowledgeSchema in src/core/bot/schema.ts) and the parsing of
 * pasted spreadsheet rows: "question<TAB>answer", optionally a third column of comma-separated
 * categories.
 */
import type { KnowledgeEntry } from "../../../../src/core/bot/schema.js";

export const LIMITS = { question: 500, answer: 1000, categories: 5, category: 50, entries: 10_000 } as const;
export const DEFAULT_THRESHOLD = 0.5;

export type PasteProblem = "no_tab" | "empty" | "too_long" | "duplicate";

export interface BulkPasteResult {
  entries: KnowledgeEntry[];
  /** 1-based line numbers that were not added, with why. */
  problems: Array<{ line: number; problem: PasteProblem }>;
}

/** Questions that differ only in case and spacing are the same question. */
export function questionKey(question: string): string {
  return question.toLowerCase().replace(/\s+/g, "");
}

export function splitCategories(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，]/)
        .map((c) => c.trim())
        .filter((c) => c !== ""),
    ),
  ];
}

export function parseBulkPaste(text: string, existing: readonly KnowledgeEntry[]): BulkPasteResult {
  const seen = new Set(existing.map((e) => questionKey(e.question)));
  const entries: KnowledgeEntry[] = [];
  const problems: BulkPasteResult["problems"] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    const columns = raw.split("\t");
    if (columns.length < 2) {
      problems.push({ line, problem: "no_tab" });
      return;
    }
    const question = (columns[0] ?? "").trim();
    const answer = (columns[1] ?? "").trim();
    const categories = splitCategories(columns[2] ?? "");
    if (question === "" || answer === "") problems.push({ line, problem: "empty" });
    else if (
      question.length > LIMITS.question ||
      answer.length > LIMITS.answer ||
      categories.length > LIMITS.categories ||
      categories.some((c) => c.length > LIMITS.category)
    )
      problems.push({ line, problem: "too_long" });
    else if (seen.has(questionKey(question))) problems.push({ line, problem: "duplicate" });
    else {
      seen.add(questionKey(question));
      entries.push({ question, answer, categories });
    }
  });
  return { entries, problems };
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** What keeps the entry form from saving, as translation keys (empty when it can be saved). */
export function entryProblems(entry: KnowledgeEntry): string[] {
  const out: string[] = [];
  if (entry.question.trim() === "") out.push("question");
  if (entry.answer.trim() === "") out.push("answer");
  if (entry.categories.length > LIMITS.categories) out.push("categories");
  if (entry.imageUrl !== undefined && !isHttpUrl(entry.imageUrl)) out.push("imageUrl");
  if (entry.landingUrl !== undefined && !isHttpUrl(entry.landingUrl)) out.push("landingUrl");
  return out;
}
