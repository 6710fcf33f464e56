// Korean-first full-text search over help-center style articles.
//
// Scoring is BM25F over several analyzers (see analyze.ts), fused as a weighted average of
// "how much of the query's information this document covers" per analyzer. Each analyzer's
// part is normalised by the query's own total IDF, so a score is roughly the fraction of
// the query matched (0..1) and is comparable across queries, which lets bots use it as a
// confidence threshold.
import {
  ANALYZERS,
  type AnalyzerCode,
  analyzeText,
  analyzeWords,
  type FeatureCounts,
  wordKey,
  wordSignature,
} from "./analyze.js";
import { choseongView, countOccurrences } from "./choseong.js";
import { isChoseongWord } from "./hangul.js";
import { normalizeText, splitWords, type Word } from "./text.js";

export { makeSnippet, type Snippet } from "./snippet.js";

export interface SearchDocument {
  id: string;
  title: string;
  body: string;
  tags?: readonly string[];
  category?: string;
}

export type FieldName = "title" | "body" | "tags" | "category";
const FIELDS: readonly FieldName[] = ["title", "body", "tags", "category"];

/** Knobs for the scorer; defaults are what bench/search.ts measured best (see docs/bench-search.md). */
export interface SearchTuning {
  fieldWeights: Record<FieldName, number>;
  /** Weight of each analyzer in the fused score; `c` is the 초성 matcher. */
  analyzerWeights: Record<AnalyzerCode | "c", number>;
  k1: number;
  b: number;
  /** Weight of features from admin synonyms relative to the words actually typed. */
  synonymWeight: number;
  /**
   * Exponent on the share of query words a document contains (IDF-weighted): documents
   * covering every word of "skill 등록" beat ones repeating just one of them.
   */
  coordination: number;
  /** IDF is raised to this power: above 1 favours rare (content) words over endings. */
  idfPower: number;
}

export const DEFAULT_TUNING: SearchTuning = {
  fieldWeights: { title: 1, body: 0.3, tags: 0.6, category: 0.3 },
  analyzerWeights: { b: 1, u: 1, w: 0.75, j: 0.5, s: 0, t: 0, p: 0.7, v: 0, k: 0, x: 0.1, y: 0, q: 0, o: 0, c: 1 },
  k1: 0.8,
  b: 0.75,
  synonymWeight: 1,
  coordination: 0.2,
  idfPower: 1.5,
};

export interface SearchIndexOptions {
  /** Groups of equivalent terms an admin adds, e.g. ["스킬", "skill", "웹훅"]. */
  synonyms?: ReadonlyArray<readonly string[]>;
  tuning?: Partial<SearchTuning>;
}

export interface SearchHit {
  id: string;
  /** Roughly the fraction of the query this document matches, in [0, 1). */
  score: number;
  /** Query terms (stemmed, lower-cased) and synonyms found in the document. */
  matchedTerms: string[];
}

export interface SearchOptions {
  limit?: number;
  filter?: (id: string) => boolean;
}

export interface SearchIndex {
  readonly size: number;
  search(query: string, options?: SearchOptions): SearchHit[];
}

interface Postings {
  docs: Int32Array;
  impacts: Float64Array;
}

interface FieldAnalysis {
  field: number;
  counts: FeatureCounts;
  /** Number of features per analyzer (indexed like ANALYZERS). */
  lengths: Float64Array;
}

function fieldText(doc: SearchDocument, field: FieldName): string {
  switch (field) {
    case "title":
      return doc.title;
    case "body":
      return doc.body;
    case "tags":
      return doc.tags ? doc.tags.join(" ") : "";
    case "category":
      return doc.category ?? "";
  }
}

function compactOf(text: string): string {
  return splitWords(normalizeText(text))
    .map((w) => w.text)
    .join("");
}

function bm25Idf(total: number, df: number): number {
  return Math.log(1 + (total - df + 0.5) / (df + 0.5));
}

const ANALYZER_INDEX = new Map<string, number>(ANALYZERS.map((a, i) => [a, i]));

function analyzerIndex(feature: string): number {
  const at = ANALYZER_INDEX.get(feature.charAt(0));
  if (at === undefined) throw new Error(`unknown analyzer in feature ${feature}`);
  return at;
}

function analyzerOf(feature: string): AnalyzerCode {
  const a = ANALYZERS[analyzerIndex(feature)];
  if (a === undefined) throw new Error(`unknown analyzer in feature ${feature}`);
  return a;
}

export function buildSearchIndex(docs: readonly SearchDocument[], options: SearchIndexOptions = {}): SearchIndex {
  const tuning: SearchTuning = { ...DEFAULT_TUNING, ...options.tuning };
  const { k1, b } = tuning;
  const total = docs.length;
  const fieldWeight = FIELDS.map((f) => tuning.fieldWeights[f]);
  const idf = (n: number, df: number): number => bm25Idf(n, df) ** tuning.idfPower;

  // Pass 1: analyse every field and collect average lengths for length normalisation.
  const analyses: FieldAnalysis[][] = [];
  // Length normalisation is per field and per analyzer: analyzers emit different numbers
  // of features for the same text.
  const lengthSum = FIELDS.map(() => new Float64Array(ANALYZERS.length));
  const lengthDocs = new Float64Array(FIELDS.length);
  const compacts: string[] = [];
  for (const doc of docs) {
    const perDoc: FieldAnalysis[] = [];
    let compact = "";
    FIELDS.forEach((name, field) => {
      const text = fieldText(doc, name);
      if (text.length === 0 || fieldWeight[field] === 0) return;
      const words = splitWords(normalizeText(text));
      if (words.length === 0) return;
      for (const w of words) compact += w.text;
      compact += " ";
      const counts = analyzeWords(words);
      const lengths = new Float64Array(ANALYZERS.length);
      for (const [feature, n] of counts) lengths[analyzerIndex(feature)] = (lengths[analyzerIndex(feature)] ?? 0) + n;
      perDoc.push({ field, counts, lengths });
      const sums = lengthSum[field];
      if (sums) for (let a = 0; a < lengths.length; a++) sums[a] = (sums[a] ?? 0) + (lengths[a] ?? 0);
      lengthDocs[field] = (lengthDocs[field] ?? 0) + 1;
    });
    analyses.push(perDoc);
    compacts.push(compact);
  }
  const averageLength = FIELDS.map((_, f) =>
    ANALYZERS.map((__, a) => Math.max(1, (lengthSum[f]?.[a] ?? 0) / Math.max(1, lengthDocs[f] ?? 0))),
  );
  // Per field, the BM25 length divisor of each document by its character count (0 = field
  // absent); the 초성 matcher uses it.
  const lengthNorm = FIELDS.map(() => new Float64Array(total));

  // Pass 2: BM25F impact of each feature in each document.
  const building = new Map<string, { docs: number[]; impacts: number[] }>();
  const merged = new Map<string, number>();
  analyses.forEach((perDoc, doc) => {
    merged.clear();
    for (const { field, counts, lengths } of perDoc) {
      const averages = averageLength[field] ?? [];
      const weights = ANALYZERS.map(
        (_, a) => (fieldWeight[field] ?? 0) / (1 - b + (b * (lengths[a] ?? 0)) / (averages[a] ?? 1)),
      );
      const norms = lengthNorm[field];
      const unigram = ANALYZERS.indexOf("u");
      if (norms) norms[doc] = 1 - b + (b * (lengths[unigram] ?? 0)) / (averages[unigram] ?? 1);
      for (const [feature, tf] of counts) {
        merged.set(feature, (merged.get(feature) ?? 0) + (weights[analyzerIndex(feature)] ?? 0) * tf);
      }
    }
    for (const [feature, tf] of merged) {
      let postings = building.get(feature);
      if (!postings) {
        postings = { docs: [], impacts: [] };
        building.set(feature, postings);
      }
      postings.docs.push(doc);
      // Saturated tf scaled to [0, 1) so a full match of the query scores close to 1.
      postings.impacts.push(tf / (tf + k1));
    }
  });
  analyses.length = 0;
  const index = new Map<string, Postings>();
  for (const [feature, p] of building) {
    index.set(feature, { docs: Int32Array.from(p.docs), impacts: Float64Array.from(p.impacts) });
  }
  building.clear();

  const synonymGroups = (options.synonyms ?? [])
    .map((group) => group.map(compactOf).filter((t) => t.length > 0))
    .filter((group) => group.length > 1);

  // 초성 views are only needed for 초성 queries, so they are computed on first use.
  let choseongViews: string[][] | undefined;
  const getChoseongViews = (): string[][] => {
    if (!choseongViews) choseongViews = docs.map((doc) => FIELDS.map((f) => choseongView(fieldText(doc, f))));
    return choseongViews;
  };

  // Reused accumulators; search is synchronous so one set is enough.
  const scores = new Float64Array(total);
  const stamp = new Uint32Array(total);
  // Bit i set = the document contains query word i (words past 31 share the last bit).
  const wordMask = new Uint32Array(total);
  let generation = 0;

  function search(query: string, searchOptions: SearchOptions = {}): SearchHit[] {
    const limit = searchOptions.limit ?? 10;
    if (limit <= 0 || total === 0) return [];
    const words = splitWords(normalizeText(query));
    const choseongWords: string[] = [];
    const textWords: Word[] = [];
    for (const w of words) {
      if (w.cls === "jamo" && isChoseongWord(w.text)) choseongWords.push(w.text);
      else textWords.push(w);
    }
    if (choseongWords.length === 0 && textWords.length === 0) return [];

    const typed = analyzeWords(textWords);
    const compactQuery = textWords.map((w) => w.text).join("");
    const matchedGroups = synonymGroups.filter((g) => g.some((t) => compactQuery.includes(t)));
    const expanded: FeatureCounts = new Map();
    for (const group of matchedGroups) {
      for (const term of group) {
        if (compactQuery.includes(term)) continue;
        for (const [feature, n] of analyzeText(term)) expanded.set(feature, (expanded.get(feature) ?? 0) + n);
      }
    }

    // Each analyzer's share is normalised by the query's own IDF mass for it.
    const mass = new Map<AnalyzerCode, number>();
    for (const [feature, qtf] of typed) {
      const df = index.get(feature)?.docs.length ?? 0;
      const a = analyzerOf(feature);
      mass.set(a, (mass.get(a) ?? 0) + qtf * idf(total, df));
    }
    let weightSum = 0;
    for (const [a, m] of mass) if (m > 0) weightSum += tuning.analyzerWeights[a];
    if (choseongWords.length > 0) weightSum += tuning.analyzerWeights.c;
    if (weightSum === 0) return [];

    // Which query words each feature stands for, and how much each word matters.
    const wordCount = Math.min(32, textWords.length + choseongWords.length);
    const bitOf = (i: number): number => 2 ** Math.min(i, 31);
    const featureWords = new Map<string, number>();
    const wordWeights: number[] = [];
    textWords.forEach((w, i) => {
      let weight = 0;
      for (const feature of wordSignature(w)) {
        featureWords.set(feature, (featureWords.get(feature) ?? 0) | bitOf(i));
        weight = Math.max(weight, idf(total, index.get(feature)?.docs.length ?? 0));
      }
      const key = wordKey(w);
      for (const group of matchedGroups) {
        if (!group.some((t) => t.includes(key) || w.text.includes(t))) continue;
        for (const term of group) {
          for (const feature of analyzeText(term).keys()) {
            if (feature.startsWith("w")) featureWords.set(feature, (featureWords.get(feature) ?? 0) | bitOf(i));
          }
        }
      }
      wordWeights.push(weight);
    });
    const choseongWeight = Math.max(0, ...wordWeights, 1);
    for (let i = 0; i < choseongWords.length; i++) wordWeights.push(choseongWeight);
    let wordWeightSum = 0;
    for (const w of wordWeights) wordWeightSum += w;

    generation++;
    const touched: number[] = [];
    const accumulate = (features: FeatureCounts, factor: number): void => {
      for (const [feature, qtf] of features) {
        const postings = index.get(feature);
        if (!postings) continue;
        const a = analyzerOf(feature);
        const m = mass.get(a) ?? 0;
        if (m === 0) continue;
        const scale = (factor * qtf * tuning.analyzerWeights[a] * idf(total, postings.docs.length)) / (m * weightSum);
        const { docs: ids, impacts } = postings;
        const bits = featureWords.get(feature) ?? 0;
        for (let i = 0; i < ids.length; i++) {
          const d = ids[i] ?? 0;
          if (stamp[d] !== generation) {
            stamp[d] = generation;
            scores[d] = 0;
            wordMask[d] = 0;
            touched.push(d);
          }
          scores[d] = (scores[d] ?? 0) + scale * (impacts[i] ?? 0);
          if (bits !== 0) wordMask[d] = (wordMask[d] ?? 0) | bits;
        }
      }
    };
    accumulate(typed, 1);
    accumulate(expanded, tuning.synonymWeight);
    if (choseongWords.length > 0) scoreChoseong(choseongWords, textWords.length, weightSum, touched);
    if (tuning.coordination > 0 && wordCount > 1 && wordWeightSum > 0) {
      for (const d of touched) {
        const mask = wordMask[d] ?? 0;
        let covered = 0;
        for (let i = 0; i < wordCount; i++) if (mask & bitOf(i)) covered += wordWeights[i] ?? 0;
        scores[d] = (scores[d] ?? 0) * (covered / wordWeightSum) ** tuning.coordination;
      }
    }

    return rank(touched, limit, searchOptions.filter).map((d) => ({
      id: docs[d]?.id ?? "",
      score: scores[d] ?? 0,
      matchedTerms: matchedTerms(d, textWords, choseongWords, matchedGroups),
    }));
  }

  function scoreChoseong(
    choseongWords: readonly string[],
    firstWord: number,
    weightSum: number,
    touched: number[],
  ): void {
    const views = getChoseongViews();
    const share = tuning.analyzerWeights.c / (weightSum * choseongWords.length);
    choseongWords.forEach((cw, w) => {
      const bit = 2 ** Math.min(firstWord + w, 31);
      const found: Array<{ doc: number; tf: number }> = [];
      views.forEach((fields, doc) => {
        let tf = 0;
        fields.forEach((view, field) => {
          const n = countOccurrences(view, cw);
          const norm = lengthNorm[field]?.[doc] ?? 0;
          if (n > 0 && norm > 0) tf += ((fieldWeight[field] ?? 0) * n) / norm;
        });
        if (tf > 0) found.push({ doc, tf });
      });
      for (const { doc, tf } of found) {
        if (stamp[doc] !== generation) {
          stamp[doc] = generation;
          scores[doc] = 0;
          wordMask[doc] = 0;
          touched.push(doc);
        }
        // IDF cancels against the per-word normalisation, leaving the saturated tf.
        scores[doc] = (scores[doc] ?? 0) + (share * tf) / (tf + k1);
        wordMask[doc] = (wordMask[doc] ?? 0) | bit;
      }
    });
  }

  /** Best `limit` documents by score (ties: earlier document first). */
  function rank(touched: readonly number[], limit: number, filter?: (id: string) => boolean): number[] {
    const top: number[] = [];
    for (const d of touched) {
      const s = scores[d] ?? 0;
      if (s <= 0) continue;
      if (top.length === limit && s <= (scores[top[top.length - 1] ?? 0] ?? 0)) continue;
      if (filter && !filter(docs[d]?.id ?? "")) continue;
      let i = top.length;
      while (i > 0) {
        const prev = top[i - 1] ?? 0;
        const ps = scores[prev] ?? 0;
        if (ps > s || (ps === s && prev < d)) break;
        i--;
      }
      top.splice(i, 0, d);
      if (top.length > limit) top.pop();
    }
    return top;
  }

  function matchedTerms(
    doc: number,
    textWords: readonly Word[],
    choseongWords: readonly string[],
    groups: ReadonlyArray<readonly string[]>,
  ): string[] {
    const compact = compacts[doc] ?? "";
    const out = new Set<string>();
    for (const w of textWords) {
      const key = wordKey(w);
      if (compact.includes(key) || fuzzyContains(compact, key)) out.add(key);
    }
    if (choseongWords.length > 0) {
      const views = getChoseongViews()[doc] ?? [];
      for (const cw of choseongWords) if (views.some((v) => v.includes(cw))) out.add(cw);
    }
    for (const group of groups) for (const term of group) if (compact.includes(term)) out.add(term);
    return [...out];
  }

  return {
    get size() {
      return total;
    },
    search,
  };
}

/** Typo-tolerant containment: most of the word's bigrams occur in the text. */
function fuzzyContains(text: string, word: string): boolean {
  if (word.length < 3) return false;
  let hits = 0;
  for (let i = 0; i + 1 < word.length; i++) if (text.includes(word.slice(i, i + 2))) hits++;
  return hits * 2 >= word.length - 1;
}
