// Second stage: re-orders the first-stage (BM25F) candidates with a linear model over
// query/title similarity features the first stage does not see on its own: the cosine of
// sublinear TF-IDF vectors of the NLU matcher's features (char n-grams across spaces, word
// n-grams, jamo n-grams), how much of the *title* the query covers, and whether the title
// shares the query's first, last and rarest word. Korean puts the topic first and the
// predicate (with its generic ending) last, so the first word matters more than the last.
// The weights were fitted by bench/fit-rerank.ts on the even-numbered benchmark queries.
import { extractFeatures } from "../nlu/features.js";
import { normalizeUtterance } from "../nlu/normalize.js";
import { toJamo } from "./hangul.js";

/** Number of features per candidate (see `candidateFeatures`). */
export const RERANK_FEATURES = 26;

/**
 * Weights over the raw features, in the order `candidateFeatures` returns them. Only the
 * ranking they induce matters, so the scale is arbitrary. Fitted by bench/fit-rerank.ts.
 */
export const RERANK_WEIGHTS: readonly number[] = [
  -1.078, 0.7103, -0.06527, 0.95, -0.07784, -0.3976, 0.09224, -0.174, 0.07782, 0.01806, -0.03538, 0.1167, 0.07966, 0.1534, -0.1281,
  -0.04066, -0.04451, 0.1775, 0.09156, -0.3082, -0.05218, 0.2221, 0.3498, 0.05422, 0.03066, -0.004297,
];

interface TitleFeatures {
  /** NLU feature buckets (ascending) and their L2-normalised TF-IDF weights. */
  hashes: Int32Array;
  weights: Float32Array;
  bigrams: Int32Array;
  /** IDF of each bigram, aligned with `bigrams`. */
  bigramIdfs: Float32Array;
  bigramMass: number;
  trigrams: Float64Array;
  syllables: Int32Array;
  prefixes: Int32Array;
  prefixIdfs: Float32Array;
  compact: string;
  jamo: string;
  /** Sentence traits (see `traitsOf`), one bit each. */
  traits: number;
}

// Sentence traits a paraphrase tends to keep: asking vs telling, negation, past tense.
const QUESTION = /(\?|까|니|나|냐|나요|가요|죠|지|래|어때)$/u;
const NEGATION = /(안|못|않|없|말)/u;
const PAST = /[았었였했됐갔왔봤줬졌겼켰쳤]/u;

function traitsOf(raw: string, cleaned: string): number {
  const trimmed = raw.trim();
  return (QUESTION.test(trimmed) || QUESTION.test(cleaned) ? 1 : 0) | (NEGATION.test(cleaned) ? 2 : 0) | (PAST.test(cleaned) ? 4 : 0);
}

export interface CandidateContext {
  /** First-stage score of the candidate and of the best candidate. */
  score: number;
  topScore: number;
  /** 0-based first-stage rank. */
  rank: number;
}

export interface RerankQuery {
  /** Raw feature vector of one candidate document. */
  features(doc: number, context: CandidateContext): number[];
}

export interface Reranker {
  prepare(query: string): RerankQuery | undefined;
}

/** Sorts codes ascending and moves the distinct ones to the front, in place; returns their number. */
function sortDistinct(codes: Int32Array | Float64Array): number {
  codes.sort();
  let n = 0;
  for (let i = 0; i < codes.length; i++) if (i === 0 || codes[i] !== codes[n - 1]) codes[n++] = codes[i] ?? 0;
  return n;
}

function distinctInts(codes: Int32Array): Int32Array {
  return codes.subarray(0, sortDistinct(codes));
}

/**
 * Distinct codes of the character 1- or 2-grams of `text`. Two UTF-16 units fill 32 bits;
 * `| 0` folds them into an int32 one-to-one, which V8 keeps unboxed (fast Map keys).
 */
function shortGramCodes(text: string, n: 1 | 2): Int32Array {
  const codes = new Int32Array(Math.max(0, text.length - n + 1));
  for (let i = 0; i < codes.length; i++) {
    codes[i] = n === 1 ? text.charCodeAt(i) : (text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1)) | 0;
  }
  return distinctInts(codes);
}

/** Distinct codes of the character trigrams of `text` (48 bits, exact in a double). */
function trigramCodes(text: string): Float64Array {
  const codes = new Float64Array(Math.max(0, text.length - 2));
  for (let i = 0; i < codes.length; i++) {
    codes[i] = (text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1)) * 0x10000 + text.charCodeAt(i + 2);
  }
  return codes.subarray(0, sortDistinct(codes));
}

/** First two characters of each word: a crude stem that survives particles and endings. */
function prefixCodes(words: readonly string[]): number[] {
  return words.map((w) => ((w.charCodeAt(0) || 0) * 0x10000 + (w.length > 1 ? w.charCodeAt(1) : 0)) | 0);
}

function countIn(counts: Map<number, number>, codes: ArrayLike<number>): void {
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] ?? 0;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
}

/** Size of the intersection of two ascending code lists. */
function sharedCount(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

// NLU feature hashes are folded into this many buckets, so document frequencies live in one
// typed array instead of a Map of ~160k keys (3× faster to build); collisions are rare.
const BUCKET_BITS = 20;
const BUCKET_MASK = (1 << BUCKET_BITS) - 1;
const MAX_COUNT = 63;

/** A feature bag as ascending bucket ids with their summed counts. */
function bucketed(hashes: readonly number[], counts: readonly number[]): { hashes: Int32Array; counts: Float32Array } {
  const keys = new Int32Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) {
    keys[i] = ((hashes[i] ?? 0) & BUCKET_MASK) * (MAX_COUNT + 1) + Math.min(MAX_COUNT, counts[i] ?? 1);
  }
  keys.sort();
  const ids = new Int32Array(keys.length);
  const sums = new Float32Array(keys.length);
  let n = 0;
  for (const key of keys) {
    const id = Math.floor(key / (MAX_COUNT + 1));
    const count = key - id * (MAX_COUNT + 1);
    if (n > 0 && ids[n - 1] === id) sums[n - 1] = (sums[n - 1] ?? 0) + count;
    else {
      ids[n] = id;
      sums[n++] = count;
    }
  }
  return { hashes: ids.subarray(0, n), counts: sums.subarray(0, n) };
}

export function buildReranker(titles: readonly string[]): Reranker {
  const total = titles.length;
  const cleaned = titles.map(normalizeUtterance);
  const featureDf = new Int32Array(1 << BUCKET_BITS);
  const bigramDf = new Map<number, number>();
  const prefixDf = new Map<number, number>();
  const partial = cleaned.map((text) => {
    const bag = extractFeatures(text);
    const { hashes, counts } = bucketed(bag.hashes, bag.counts);
    for (const h of hashes) featureDf[h] = (featureDf[h] ?? 0) + 1;
    const compact = text.replaceAll(" ", "");
    const bigrams = shortGramCodes(compact, 2);
    const prefixes = distinctInts(Int32Array.from(prefixCodes(text.split(" ").filter((w) => w.length > 0))));
    countIn(bigramDf, bigrams);
    countIn(prefixDf, prefixes);
    return { hashes, counts, compact, bigrams, prefixes };
  });
  const featureIdf = (bucket: number): number => Math.log((total + 1) / ((featureDf[bucket] ?? 0) + 1)) + 1;
  const bigramIdf = (code: number): number => Math.log(total / (1 + (bigramDf.get(code) ?? 0)));
  const prefixIdf = (code: number): number => Math.log(total / (1 + (prefixDf.get(code) ?? 0)));

  /** Sublinear TF-IDF weights, L2-normalised, aligned with `hashes`. */
  const weigh = (hashes: Int32Array, counts: ArrayLike<number>): Float32Array => {
    const weights = new Float32Array(hashes.length);
    let norm = 0;
    for (let i = 0; i < hashes.length; i++) {
      const w = (1 + Math.log(counts[i] ?? 1)) * featureIdf(hashes[i] ?? 0);
      weights[i] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] ?? 0) / norm;
    return weights;
  };

  const docs: TitleFeatures[] = partial.map(({ hashes, counts, compact, bigrams, prefixes }, d) => {
    const bigramIdfs = Float32Array.from(bigrams, bigramIdf);
    let bigramMass = 0;
    for (const idf of bigramIdfs) bigramMass += idf;
    return {
      hashes,
      weights: weigh(hashes, counts),
      bigrams,
      bigramIdfs,
      bigramMass,
      trigrams: trigramCodes(compact),
      syllables: shortGramCodes(compact, 1),
      prefixes,
      prefixIdfs: Float32Array.from(prefixes, prefixIdf),
      compact,
      jamo: toJamo(compact),
      traits: traitsOf(titles[d] ?? "", cleaned[d] ?? ""),
    };
  });

  function prepare(query: string): RerankQuery | undefined {
    const text = normalizeUtterance(query);
    if (text.length === 0) return undefined;
    const compact = text.replaceAll(" ", "");
    const bag = extractFeatures(text);
    const { hashes: qHashes, counts: qCounts } = bucketed(bag.hashes, bag.counts);
    const qWeights = weigh(qHashes, qCounts);
    const qBigrams = shortGramCodes(compact, 2);
    const qTrigrams = trigramCodes(compact);
    const qSyllables = shortGramCodes(compact, 1);
    const wordPrefixes = prefixCodes(text.split(" ").filter((w) => w.length > 0));
    const qPrefixes = new Set(wordPrefixes);
    let bigramMass = 0;
    for (const c of qBigrams) bigramMass += bigramIdf(c);
    let prefixMass = 0;
    let rarest = 0;
    let rarestIdf = -Infinity;
    for (const c of qPrefixes) {
      const idf = prefixIdf(c);
      prefixMass += idf;
      if (idf > rarestIdf) {
        rarestIdf = idf;
        rarest = c;
      }
    }
    const qJamo = toJamo(compact);
    const jamoLcs = subsequenceMatcher(qJamo);
    const qTraits = traitsOf(query, text);
    const first = wordPrefixes[0] ?? -1;
    const last = wordPrefixes[wordPrefixes.length - 1] ?? -1;

    return {
      features(doc, { score, topScore, rank }) {
        const t = docs[doc];
        if (!t) return new Array<number>(RERANK_FEATURES).fill(0);
        // Dot product of two sparse unit vectors by merging their ascending hash lists.
        let cosine = 0;
        for (let i = 0, j = 0; i < qHashes.length && j < t.hashes.length; ) {
          const x = qHashes[i] ?? 0;
          const y = t.hashes[j] ?? 0;
          if (x === y) cosine += (qWeights[i++] ?? 0) * (t.weights[j++] ?? 0);
          else if (x < y) i++;
          else j++;
        }
        let sharedBigramMass = 0;
        for (let i = 0, j = 0; i < qBigrams.length && j < t.bigrams.length; ) {
          const x = qBigrams[i] ?? 0;
          const y = t.bigrams[j] ?? 0;
          if (x === y) {
            sharedBigramMass += t.bigramIdfs[j] ?? 0;
            i++;
            j++;
          } else if (x < y) i++;
          else j++;
        }
        const sharedTrigrams = sharedCount(qTrigrams, t.trigrams);
        const sharedSyllables = sharedCount(qSyllables, t.syllables);
        let sharedPrefixMass = 0;
        let sharedPrefixes = 0;
        let hasRarest = 0;
        let hasFirst = 0;
        let hasLast = 0;
        for (let i = 0; i < t.prefixes.length; i++) {
          const c = t.prefixes[i] ?? 0;
          if (!qPrefixes.has(c)) continue;
          sharedPrefixMass += t.prefixIdfs[i] ?? 0;
          sharedPrefixes++;
          if (c === rarest) hasRarest = 1;
          if (c === first) hasFirst = 1;
          if (c === last) hasLast = 1;
        }
        const { subsequence, substring } = commonRuns(compact, t.compact);
        const jamoSubsequence = jamoLcs(t.jamo);
        const sameTraits = ~(qTraits ^ t.traits);
        const lengthRatio = Math.log(t.bigrams.length + 1) - Math.log(qBigrams.length + 1);
        return [
          score,
          topScore > 0 ? score / topScore : 0,
          Math.log(1 + rank),
          cosine,
          bigramMass > 0 ? sharedBigramMass / bigramMass : 0,
          t.bigramMass > 0 ? sharedBigramMass / t.bigramMass : 0,
          sharedTrigrams / Math.max(1, qTrigrams.length),
          sharedTrigrams / Math.max(1, t.trigrams.length),
          sharedSyllables / Math.max(1, qSyllables.length),
          sharedSyllables / Math.max(1, t.syllables.length),
          prefixMass > 0 ? sharedPrefixMass / prefixMass : 0,
          sharedPrefixes / Math.max(1, t.prefixes.length),
          hasRarest,
          hasFirst,
          hasLast,
          lengthRatio,
          Math.abs(lengthRatio),
          subsequence / Math.max(1, compact.length),
          subsequence / Math.max(1, t.compact.length),
          substring / Math.max(1, compact.length),
          cosine * hasFirst,
          jamoSubsequence / Math.max(1, qJamo.length),
          jamoSubsequence / Math.max(1, t.jamo.length),
          sameTraits & 1,
          (sameTraits >> 1) & 1,
          (sameTraits >> 2) & 1,
        ];
      },
    };
  }

  return { prepare };
}

/**
 * Length of the longest common subsequence of `query` and any text, by the bit-parallel
 * method (one machine word per query position, O(text length) per call) when the query
 * has at most 30 characters, and by dynamic programming otherwise.
 */
function subsequenceMatcher(query: string): (text: string) => number {
  if (query.length > 30) return (text) => commonRuns(query, text).subsequence;
  // Bit i of masks[c] is set when query[i] is c. One table per query; it is small (jamo are
  // in one Unicode block) and only its own characters are looked up.
  let low = 0xffff;
  let high = 0;
  for (let i = 0; i < query.length; i++) {
    const c = query.charCodeAt(i);
    if (c < low) low = c;
    if (c > high) high = c;
  }
  const masks = new Int32Array(Math.max(0, high - low + 1));
  for (let i = 0; i < query.length; i++) {
    const c = query.charCodeAt(i) - low;
    masks[c] = (masks[c] ?? 0) | (1 << i);
  }
  const all = query.length === 0 ? 0 : 2 ** query.length - 1;
  return (text) => {
    let v = all;
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j) - low;
      const m = c >= 0 && c < masks.length ? (masks[c] ?? 0) : 0;
      if (m === 0) continue;
      const u = v & m;
      v = ((v + u) | (v - u)) & all;
    }
    let zeros = 0;
    for (let rest = ~v & all; rest !== 0; rest &= rest - 1) zeros++;
    return zeros;
  };
}

// Reused DP rows for `commonRuns` (titles are short; rows grow on demand).
let dpRows = new Int32Array(4 * 64);

/**
 * Longest common subsequence and longest common substring of two strings, in characters:
 * word order and shared phrases, which bags of n-grams do not see.
 */
function commonRuns(a: string, b: string): { subsequence: number; substring: number } {
  const width = b.length + 1;
  if (dpRows.length < 4 * width) dpRows = new Int32Array(8 * width);
  const rows = dpRows;
  // Four rows side by side: LCS previous/current, common-run previous/current.
  let prev = 0;
  let cur = width;
  let prevRun = 2 * width;
  let curRun = 3 * width;
  rows.fill(0, 0, 4 * width);
  let substring = 0;
  for (let i = 1; i <= a.length; i++) {
    const ch = a.charCodeAt(i - 1);
    rows[cur] = 0;
    rows[curRun] = 0;
    for (let j = 1; j < width; j++) {
      if (ch === b.charCodeAt(j - 1)) {
        rows[cur + j] = (rows[prev + j - 1] ?? 0) + 1;
        const run = (rows[prevRun + j - 1] ?? 0) + 1;
        rows[curRun + j] = run;
        if (run > substring) substring = run;
      } else {
        const up = rows[prev + j] ?? 0;
        const left = rows[cur + j - 1] ?? 0;
        rows[cur + j] = up > left ? up : left;
        rows[curRun + j] = 0;
      }
    }
    const t = prev;
    prev = cur;
    cur = t;
    const r = prevRun;
    prevRun = curRun;
    curRun = r;
  }
  return { subsequence: rows[prev + width - 1] ?? 0, substring };
}

/** Model score of one candidate. */
export function rerankScore(features: readonly number[], weights: readonly number[] = RERANK_WEIGHTS): number {
  let s = 0;
  for (let j = 0; j < features.length; j++) s += (features[j] ?? 0) * (weights[j] ?? 0);
  return s;
}
