// Korean-first full-text search over help-center style articles.
//
// Scoring is BM25F over several analyzers (see analyze.ts), fused as a weighted average of
// "how much of the query's information this document covers" per analyzer. Each analyzer's
// part is normalised by the query's own total IDF, so a score is roughly the fraction of
// the query matched (0..1) and is comparable across queries, which lets bots use it as a
// confidence threshold. A second stage (rerank.ts) then re-orders the top candidates by how
// closely each article's title resembles the query, without changing the scores by rank.

import { isChoseongWord } from "../text/hangul.js";
import {
  ANALYZERS,
  type AnalyzerCode,
  analyzerIndexOf,
  analyzeText,
  analyzeWords,
  type Feature,
  type FeatureCounts,
  wordKey,
  wordSignature,
} from "./analyze.js";
import { choseongView } from "./choseong.js";
import { buildReranker, RERANK_WEIGHTS, rerankScore } from "./rerank.js";
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
  /**
   * Features in more than max(stopMinDocs, stopShare × size) documents are skipped like
   * stop words: in a big index they cost the most time and carry almost no IDF. Small
   * indexes (a help center of a few hundred articles) never reach the floor.
   */
  stopShare: number;
  stopMinDocs: number;
  /** IDF is raised to this power: above 1 favours rare (content) words over endings. */
  idfPower: number;
  /**
   * How many first-stage candidates the second stage (rerank.ts) re-orders; 0 turns it off.
   * It re-orders only: the scores keep their first-stage values in rank order.
   */
  rerankDepth: number;
  /** Weights of the second-stage model (see rerank.ts); for fitting experiments. */
  rerankWeights: readonly number[];
}

export const DEFAULT_TUNING: SearchTuning = {
  fieldWeights: { title: 1, body: 0.3, tags: 0.6, category: 0.3 },
  analyzerWeights: { b: 1, u: 1, w: 1, p: 0.7, q: 0.3, j: 0.75, c: 1 },
  k1: 0.8,
  b: 0.75,
  synonymWeight: 1,
  coordination: 0.2,
  idfPower: 1.5,
  stopShare: 0.1,
  stopMinDocs: 1000,
  rerankDepth: 30,
  rerankWeights: RERANK_WEIGHTS,
};

export interface SearchIndexOptions {
  /** Groups of equivalent terms an admin adds, e.g. ["스킬", "skill", "웹훅"]. */
  synonyms?: ReadonlyArray<readonly string[]>;
  /** Scorer knobs for experiments and benchmarks; the defaults are the measured best. */
  tuning?: Partial<SearchTuning>;
}

export interface SearchHit {
  id: string;
  /**
   * Roughly the fraction of the query this document matches: below 1 (a hit through admin
   * synonyms as well as the typed words can go slightly above), comparable across queries,
   * so it works as a confidence threshold.
   */
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

interface FieldAnalysis {
  field: number;
  terms: Int32Array;
  tfs: Float64Array;
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

function analyzerOf(feature: Feature): AnalyzerCode {
  const a = ANALYZERS[analyzerIndexOf(feature)];
  if (a === undefined) throw new Error(`unknown analyzer in feature ${feature}`);
  return a;
}

export function buildSearchIndex(docs: readonly SearchDocument[], options: SearchIndexOptions = {}): SearchIndex {
  const tuning: SearchTuning = {
    ...DEFAULT_TUNING,
    ...options.tuning,
    fieldWeights: { ...DEFAULT_TUNING.fieldWeights, ...options.tuning?.fieldWeights },
    analyzerWeights: { ...DEFAULT_TUNING.analyzerWeights, ...options.tuning?.analyzerWeights },
  };
  const { k1, b } = tuning;
  const total = docs.length;
  const fieldWeight = FIELDS.map((f) => tuning.fieldWeights[f]);
  const idf = (n: number, df: number): number => bm25Idf(n, df) ** tuning.idfPower;
  const commonDf = Math.max(tuning.stopMinDocs, tuning.stopShare * total);

  // Pass 1: analyse every field, give each distinct feature an integer id, and collect
  // average lengths. Length normalisation is per field and per analyzer, because
  // analyzers emit different numbers of features for the same text.
  const termIds = new Map<Feature, number>();
  const termAnalyzer: number[] = [];
  const analyses: FieldAnalysis[][] = [];
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
      const terms = new Int32Array(counts.size);
      const tfs = new Float64Array(counts.size);
      const lengths = new Float64Array(ANALYZERS.length);
      let i = 0;
      for (const [feature, n] of counts) {
        let id = termIds.get(feature);
        if (id === undefined) {
          id = termAnalyzer.length;
          termIds.set(feature, id);
          termAnalyzer.push(analyzerIndexOf(feature));
        }
        const a = termAnalyzer[id] ?? 0;
        lengths[a] = (lengths[a] ?? 0) + n;
        terms[i] = id;
        tfs[i] = n;
        i++;
      }
      perDoc.push({ field, terms, tfs, lengths });
      const sums = lengthSum[field];
      if (sums) for (let a = 0; a < lengths.length; a++) sums[a] = (sums[a] ?? 0) + (lengths[a] ?? 0);
      lengthDocs[field] = (lengthDocs[field] ?? 0) + 1;
    });
    analyses.push(perDoc);
    compacts.push(compact);
  }
  const termCount = termAnalyzer.length;
  const averageLength = FIELDS.map((_, f) =>
    ANALYZERS.map((__, a) => Math.max(1, (lengthSum[f]?.[a] ?? 0) / Math.max(1, lengthDocs[f] ?? 0))),
  );
  // Per field, the BM25 length divisor of each document by its syllable count (0 = field
  // absent); the 초성 matcher uses it.
  const lengthNorm = FIELDS.map(() => new Float64Array(total));
  const unigram = ANALYZERS.indexOf("u");

  // Pass 2: merge the fields of each document into one BM25F term frequency per feature.
  const scratch = new Float64Array(termCount);
  const docTerms: Int32Array[] = [];
  const docTfs: Float64Array[] = [];
  const df = new Int32Array(termCount);
  const seen: number[] = [];
  analyses.forEach((perDoc, doc) => {
    seen.length = 0;
    for (const { field, terms, tfs, lengths } of perDoc) {
      const averages = averageLength[field] ?? [];
      const weights = ANALYZERS.map((_, a) => (fieldWeight[field] ?? 0) / (1 - b + (b * (lengths[a] ?? 0)) / (averages[a] ?? 1)));
      const norms = lengthNorm[field];
      if (norms) norms[doc] = 1 - b + (b * (lengths[unigram] ?? 0)) / (averages[unigram] ?? 1);
      for (let i = 0; i < terms.length; i++) {
        const id = terms[i] ?? 0;
        if (scratch[id] === 0) seen.push(id);
        scratch[id] = (scratch[id] ?? 0) + (weights[termAnalyzer[id] ?? 0] ?? 0) * (tfs[i] ?? 0);
      }
    }
    const ids = Int32Array.from(seen);
    const tfs = new Float64Array(ids.length);
    ids.forEach((id, i) => {
      tfs[i] = scratch[id] ?? 0;
      scratch[id] = 0;
      df[id] = (df[id] ?? 0) + 1;
    });
    docTerms.push(ids);
    docTfs.push(tfs);
  });
  analyses.length = 0;

  // Pass 3: lay the postings out contiguously, term by term (documents stay in order).
  const offsets = new Int32Array(termCount + 1);
  for (let id = 0; id < termCount; id++) offsets[id + 1] = (offsets[id] ?? 0) + (df[id] ?? 0);
  const postingDocs = new Int32Array(offsets[termCount] ?? 0);
  // Saturated tf scaled to [0, 1) so a full match of the query scores close to 1.
  const postingImpacts = new Float32Array(postingDocs.length);
  const cursor = offsets.slice(0, termCount);
  docTerms.forEach((ids, doc) => {
    const tfs = docTfs[doc];
    ids.forEach((id, i) => {
      const at = cursor[id] ?? 0;
      cursor[id] = at + 1;
      postingDocs[at] = doc;
      const tf = tfs?.[i] ?? 0;
      postingImpacts[at] = tf / (tf + k1);
    });
  });
  docTerms.length = 0;
  docTfs.length = 0;
  /** Number of documents containing a feature (0 when it is not indexed). */
  const docFrequency = (feature: Feature): number => {
    const id = termIds.get(feature);
    return id === undefined ? 0 : (offsets[id + 1] ?? 0) - (offsets[id] ?? 0);
  };

  // The second stage compares the query with what names an article: its title, and its tags,
  // which an admin adds as alternative names ("skill" on 스킬 서버 연결하기).
  const reranker =
    tuning.rerankDepth > 0 ? buildReranker(docs.map((d) => (d.tags?.length ? `${d.title} ${d.tags.join(" ")}` : d.title))) : undefined;

  const synonymGroups = (options.synonyms ?? [])
    .map((group) => group.map(compactOf).filter((t) => t.length > 0))
    .filter((group) => group.length > 1);

  // 초성 views are only needed for 초성 queries, so they are computed on first use.
  // Per field, every document's view joined by NUL (so no match spans two documents) and
  // where each document starts; one indexOf scan then finds all matches of a field.
  let choseongFields: Array<{ joined: string; starts: Int32Array }> | undefined;
  const getChoseongFields = (): Array<{ joined: string; starts: Int32Array }> => {
    if (!choseongFields) {
      choseongFields = FIELDS.map((name) => {
        const starts = new Int32Array(total);
        let joined = "";
        docs.forEach((doc, d) => {
          starts[d] = joined.length;
          joined += `${choseongView(fieldText(doc, name))}\u0000`;
        });
        return { joined, starts };
      });
    }
    return choseongFields;
  };
  const choseongViewOf = (doc: number): string[] =>
    getChoseongFields().map(({ joined, starts }) => {
      const from = starts[doc] ?? 0;
      return joined.slice(from, joined.indexOf("\u0000", from));
    });

  // Reused accumulators; search is synchronous so one set is enough.
  const scores = new Float64Array(total);
  const stamp = new Uint32Array(total);
  // Bit i set = the document contains query word i (words past 31 share the last bit).
  const wordMask = new Uint32Array(total);
  // Documents scored by the current query, in the order they were first touched.
  const touched = new Int32Array(total);
  let touchedCount = 0;
  let choseongTf: Float64Array | undefined;
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

    // Each analyzer's share is normalised by the query's own IDF mass for it. Very common
    // features are skipped, unless the query has nothing else.
    let stopDf = commonDf;
    if ([...typed.keys()].every((f) => docFrequency(f) > stopDf)) stopDf = total;
    const mass = new Map<AnalyzerCode, number>();
    for (const [feature, qtf] of typed) {
      const df = docFrequency(feature);
      if (df > stopDf) continue;
      const a = analyzerOf(feature);
      mass.set(a, (mass.get(a) ?? 0) + qtf * idf(total, df));
    }
    let weightSum = 0;
    for (const [a, m] of mass) if (m > 0) weightSum += tuning.analyzerWeights[a];
    if (choseongWords.length > 0) weightSum += tuning.analyzerWeights.c;
    if (weightSum === 0) return [];

    // Which query words each feature stands for, and how much each word matters.
    const wordCount = Math.min(32, textWords.length + choseongWords.length);
    const bits = Array.from({ length: wordCount }, (_, i) => 2 ** Math.min(i, 31));
    const bitOf = (i: number): number => bits[Math.min(i, 31)] ?? 0;
    const featureWords = new Map<Feature, number>();
    const wordWeights: number[] = [];
    textWords.forEach((w, i) => {
      let weight = 0;
      for (const feature of wordSignature(w)) {
        featureWords.set(feature, (featureWords.get(feature) ?? 0) | bitOf(i));
        weight = Math.max(weight, idf(total, docFrequency(feature)));
      }
      const key = wordKey(w);
      for (const group of matchedGroups) {
        if (!group.some((t) => t.includes(key) || w.text.includes(t))) continue;
        for (const term of group) {
          for (const feature of analyzeText(term).keys()) {
            if (typeof feature === "string") featureWords.set(feature, (featureWords.get(feature) ?? 0) | bitOf(i));
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
    touchedCount = 0;
    const accumulate = (features: FeatureCounts, factor: number): void => {
      for (const [feature, qtf] of features) {
        const id = termIds.get(feature);
        if (id === undefined) continue;
        const from = offsets[id] ?? 0;
        const to = offsets[id + 1] ?? 0;
        if (to - from > stopDf) continue;
        const a = analyzerOf(feature);
        const m = mass.get(a) ?? 0;
        if (m === 0) continue;
        const scale = (factor * qtf * tuning.analyzerWeights[a] * idf(total, to - from)) / (m * weightSum);
        const mask = featureWords.get(feature) ?? 0;
        for (let i = from; i < to; i++) {
          const d = postingDocs[i] ?? 0;
          if (stamp[d] !== generation) {
            stamp[d] = generation;
            scores[d] = 0;
            wordMask[d] = 0;
            touched[touchedCount++] = d;
          }
          scores[d] = (scores[d] ?? 0) + scale * (postingImpacts[i] ?? 0);
          if (mask !== 0) wordMask[d] = (wordMask[d] ?? 0) | mask;
        }
      }
    };
    accumulate(typed, 1);
    accumulate(expanded, tuning.synonymWeight);
    if (choseongWords.length > 0) scoreChoseong(choseongWords, textWords.length, weightSum);
    if (tuning.coordination > 0 && wordCount > 1 && wordWeightSum > 0) {
      for (let t = 0; t < touchedCount; t++) {
        const d = touched[t] ?? 0;
        const mask = wordMask[d] ?? 0;
        let covered = 0;
        for (let i = 0; i < wordCount; i++) if (mask & bitOf(i)) covered += wordWeights[i] ?? 0;
        scores[d] = (scores[d] ?? 0) * (covered / wordWeightSum) ** tuning.coordination;
      }
    }

    let ranked = rank(Math.max(limit, tuning.rerankDepth), searchOptions.filter);
    const hitScores = ranked.map((d) => scores[d] ?? 0);
    if (choseongWords.length === 0) ranked = rerank(query, ranked, hitScores);
    return ranked.slice(0, limit).map((d, i) => ({
      id: docs[d]?.id ?? "",
      score: hitScores[i] ?? 0,
      matchedTerms: matchedTerms(d, textWords, choseongWords, matchedGroups),
    }));
  }

  /**
   * Re-orders the first `rerankDepth` candidates by the second-stage model. The score at each
   * rank stays the first-stage score that rank had, so scores still fall with rank and keep
   * their meaning (share of the query matched) for thresholds and result counts.
   */
  function rerank(query: string, ranked: readonly number[], hitScores: readonly number[]): number[] {
    const depth = Math.min(tuning.rerankDepth, ranked.length);
    const prepared = depth > 1 ? reranker?.prepare(query) : undefined;
    if (!prepared) return [...ranked];
    const topScore = hitScores[0] ?? 0;
    const head = ranked.slice(0, depth).map((doc, rank) => ({
      doc,
      rank,
      model: rerankScore(prepared.features(doc, { score: hitScores[rank] ?? 0, topScore, rank }), tuning.rerankWeights),
    }));
    head.sort((x, y) => y.model - x.model || x.rank - y.rank);
    return [...head.map((h) => h.doc), ...ranked.slice(depth)];
  }

  function scoreChoseong(choseongWords: readonly string[], firstWord: number, weightSum: number): void {
    const fields = getChoseongFields();
    const share = tuning.analyzerWeights.c / (weightSum * choseongWords.length);
    choseongTf ??= new Float64Array(total);
    const tf = choseongTf;
    choseongWords.forEach((cw, w) => {
      const bit = 2 ** Math.min(firstWord + w, 31);
      const found: number[] = [];
      tf.fill(0);
      fields.forEach(({ joined, starts }, field) => {
        const weight = fieldWeight[field] ?? 0;
        if (weight === 0) return;
        let doc = 0;
        for (let at = joined.indexOf(cw); at !== -1; at = joined.indexOf(cw, at + cw.length)) {
          while (doc + 1 < total && (starts[doc + 1] ?? 0) <= at) doc++;
          const norm = lengthNorm[field]?.[doc] ?? 0;
          if (norm === 0) continue;
          if (tf[doc] === 0) found.push(doc);
          tf[doc] = (tf[doc] ?? 0) + weight / norm;
        }
      });
      for (const doc of found) {
        if (stamp[doc] !== generation) {
          stamp[doc] = generation;
          scores[doc] = 0;
          wordMask[doc] = 0;
          touched[touchedCount++] = doc;
        }
        const t = tf[doc] ?? 0;
        // IDF cancels against the per-word normalisation, leaving the saturated tf.
        scores[doc] = (scores[doc] ?? 0) + (share * t) / (t + k1);
        wordMask[doc] = (wordMask[doc] ?? 0) | bit;
      }
    });
  }

  /** Best `limit` documents by score (ties: earlier document first). */
  function rank(limit: number, filter?: (id: string) => boolean): number[] {
    const top: number[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const d = touched[t] ?? 0;
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
      const views = choseongViewOf(doc);
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
