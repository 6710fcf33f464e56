// Second stage: re-orders the first-stage (BM25F) candidates with a linear model over
// query/title similarity features the first stage does not see on its own: the cosine of
// sublinear TF-IDF vectors of the NLU matcher's features (char n-grams across spaces, word
// n-grams, jamo n-grams), how much of the *title* the query covers, and whether the title
// shares the query's first, last and rarest word. Korean puts the topic first and the
// predicate (with its generic ending) last, so the first word matters more than the last.
// The weights were fitted by bench/fit-rerank.ts on the even-numbered benchmark queries.
import { extractFeatures, type FeatureBag } from "../nlu/features.js";
import { normalizeUtterance } from "../nlu/normalize.js";
import { toJamo } from "./hangul.js";

/** Number of features per candidate (see `candidateFeatures`). */
export const RERANK_FEATURES = 26;

/**
 * Weights over the raw features, in the order `candidateFeatures` returns them. Only the
 * ranking they induce matters, so the scale is arbitrary. Fitted by bench/fit-rerank.ts.
 */
export const RERANK_WEIGHTS: readonly number[] = [
  -0.9449, 0.6994, -0.06452, 1, -0.1234, -0.3974, 0.09097, -0.1714, 0.07734, 0.01819, -0.08856, 0.1159, 0.03863, 0.1516, -0.1261, -0.05013,
  -0.04361, 0.1762, 0.09038, -0.3047, -0.06589, 0.2181, 0.3448, 0.06681, 0.03046, -0.0038,
];

interface TitleFeatures {
  /** NLU feature hashes (ascending) and their L2-normalised TF-IDF weights. */
  hashes: Uint32Array;
  weights: Float32Array;
  bigrams: Float64Array;
  bigramMass: number;
  trigrams: Float64Array;
  syllables: Float64Array;
  prefixes: Float64Array;
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

/** Codes of the character n-grams of `text` (n ≤ 3, so a code fits in a double). */
function gramCodes(text: string, n: number): Float64Array {
  const codes = new Set<number>();
  for (let i = 0; i + n <= text.length; i++) {
    let code = 0;
    for (let k = 0; k < n; k++) code = code * 0x10000 + text.charCodeAt(i + k);
    codes.add(code);
  }
  return Float64Array.from(codes).sort();
}

/** First two characters of each word: a crude stem that survives particles and endings. */
function prefixCodes(words: readonly string[]): number[] {
  return words.map((w) => (w.charCodeAt(0) || 0) * 0x10000 + (w.length > 1 ? w.charCodeAt(1) : 0));
}

function countIn(counts: Map<number, number>, codes: Iterable<number>): void {
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
}

function sharedCount(sorted: Float64Array, query: ReadonlySet<number>): number {
  let n = 0;
  for (const c of sorted) if (query.has(c)) n++;
  return n;
}

export function buildReranker(titles: readonly string[]): Reranker {
  const total = titles.length;
  const cleaned = titles.map(normalizeUtterance);
  const bags: FeatureBag[] = cleaned.map(extractFeatures);
  const featureDf = new Map<number, number>();
  for (const bag of bags) countIn(featureDf, bag.hashes);
  const bigramDf = new Map<number, number>();
  const prefixDf = new Map<number, number>();
  const partial = cleaned.map((text) => {
    const compact = text.replaceAll(" ", "");
    const bigrams = gramCodes(compact, 2);
    const prefixes = Float64Array.from(new Set(prefixCodes(text.split(" ").filter((w) => w.length > 0)))).sort();
    countIn(bigramDf, bigrams);
    countIn(prefixDf, prefixes);
    return { compact, bigrams, prefixes };
  });
  const featureIdf = (hash: number): number => Math.log((total + 1) / ((featureDf.get(hash) ?? 0) + 1)) + 1;
  const bigramIdf = (code: number): number => Math.log(total / (1 + (bigramDf.get(code) ?? 0)));
  const prefixIdf = (code: number): number => Math.log(total / (1 + (prefixDf.get(code) ?? 0)));

  const vector = (bag: FeatureBag): { hashes: Uint32Array; weights: Float32Array } => {
    const weights = new Float32Array(bag.hashes.length);
    let norm = 0;
    bag.hashes.forEach((hash, i) => {
      const w = (1 + Math.log(bag.counts[i] ?? 1)) * featureIdf(hash);
      weights[i] = w;
      norm += w * w;
    });
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] ?? 0) / norm;
    return { hashes: Uint32Array.from(bag.hashes), weights };
  };

  const docs: TitleFeatures[] = partial.map(({ compact, bigrams, prefixes }, d) => {
    let bigramMass = 0;
    for (const c of bigrams) bigramMass += bigramIdf(c);
    return {
      ...vector(bags[d] ?? { hashes: [], counts: [] }),
      bigrams,
      bigramMass,
      trigrams: gramCodes(compact, 3),
      syllables: gramCodes(compact, 1),
      prefixes,
      compact,
      jamo: toJamo(compact),
      traits: traitsOf(titles[d] ?? "", cleaned[d] ?? ""),
    };
  });
  bags.length = 0;

  function prepare(query: string): RerankQuery | undefined {
    const text = normalizeUtterance(query);
    if (text.length === 0) return undefined;
    const compact = text.replaceAll(" ", "");
    const qVector = vector(extractFeatures(text));
    const qWeight = new Map<number, number>();
    qVector.hashes.forEach((h, i) => {
      qWeight.set(h, qVector.weights[i] ?? 0);
    });
    const qBigrams = new Set(gramCodes(compact, 2));
    const qTrigrams = new Set(gramCodes(compact, 3));
    const qSyllables = new Set(gramCodes(compact, 1));
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
    const qTraits = traitsOf(query, text);
    const first = wordPrefixes[0] ?? -1;
    const last = wordPrefixes[wordPrefixes.length - 1] ?? -1;

    return {
      features(doc, { score, topScore, rank }) {
        const t = docs[doc];
        if (!t) return new Array<number>(RERANK_FEATURES).fill(0);
        let cosine = 0;
        t.hashes.forEach((h, i) => {
          const q = qWeight.get(h);
          if (q !== undefined) cosine += q * (t.weights[i] ?? 0);
        });
        let sharedBigramMass = 0;
        for (const c of t.bigrams) if (qBigrams.has(c)) sharedBigramMass += bigramIdf(c);
        const sharedTrigrams = sharedCount(t.trigrams, qTrigrams);
        const sharedSyllables = sharedCount(t.syllables, qSyllables);
        let sharedPrefixMass = 0;
        let sharedPrefixes = 0;
        let hasRarest = 0;
        let hasFirst = 0;
        let hasLast = 0;
        for (const c of t.prefixes) {
          if (!qPrefixes.has(c)) continue;
          sharedPrefixMass += prefixIdf(c);
          sharedPrefixes++;
          if (c === rarest) hasRarest = 1;
          if (c === first) hasFirst = 1;
          if (c === last) hasLast = 1;
        }
        const { subsequence, substring } = commonRuns(compact, t.compact);
        const jamoRuns = commonRuns(qJamo, t.jamo);
        const sameTraits = ~(qTraits ^ t.traits);
        const lengthRatio = Math.log(t.bigrams.length + 1) - Math.log(qBigrams.size + 1);
        return [
          score,
          topScore > 0 ? score / topScore : 0,
          Math.log(1 + rank),
          cosine,
          bigramMass > 0 ? sharedBigramMass / bigramMass : 0,
          t.bigramMass > 0 ? sharedBigramMass / t.bigramMass : 0,
          sharedTrigrams / Math.max(1, qTrigrams.size),
          sharedTrigrams / Math.max(1, t.trigrams.length),
          sharedSyllables / Math.max(1, qSyllables.size),
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
          jamoRuns.subsequence / Math.max(1, qJamo.length),
          jamoRuns.subsequence / Math.max(1, t.jamo.length),
          sameTraits & 1,
          (sameTraits >> 1) & 1,
          (sameTraits >> 2) & 1,
        ];
      },
    };
  }

  return { prepare };
}

// Reused DP rows for `commonRuns` (titles are short; rows grow on demand).
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);
let previousRun = new Int32Array(64);
let currentRun = new Int32Array(64);

/**
 * Longest common subsequence and longest common substring of two strings, in characters:
 * word order and shared phrases, which bags of n-grams do not see.
 */
function commonRuns(a: string, b: string): { subsequence: number; substring: number } {
  const width = b.length + 1;
  if (previousRow.length < width) {
    previousRow = new Int32Array(width * 2);
    currentRow = new Int32Array(width * 2);
    previousRun = new Int32Array(width * 2);
    currentRun = new Int32Array(width * 2);
  }
  previousRow.fill(0, 0, width);
  previousRun.fill(0, 0, width);
  let substring = 0;
  for (let i = 1; i <= a.length; i++) {
    currentRow[0] = 0;
    currentRun[0] = 0;
    const ch = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      if (ch === b.charCodeAt(j - 1)) {
        currentRow[j] = (previousRow[j - 1] ?? 0) + 1;
        const run = (previousRun[j - 1] ?? 0) + 1;
        currentRun[j] = run;
        if (run > substring) substring = run;
      } else {
        currentRow[j] = Math.max(previousRow[j] ?? 0, currentRow[j - 1] ?? 0);
        currentRun[j] = 0;
      }
    }
    [previousRow, currentRow] = [currentRow, previousRow];
    [previousRun, currentRun] = [currentRun, previousRun];
  }
  return { subsequence: previousRow[width - 1] ?? 0, substring };
}

/** Model score of one candidate. */
export function rerankScore(features: readonly number[], weights: readonly number[] = RERANK_WEIGHTS): number {
  let s = 0;
  for (let j = 0; j < features.length; j++) s += (features[j] ?? 0) * (weights[j] ?? 0);
  return s;
}
