// Second stage: re-orders the first-stage (BM25F) candidates with a linear model over
// query/title similarity features the first stage does not see on its own:
//   - the cosine of sublinear TF-IDF vectors of the NLU matcher's features (char 2/3-grams
//     with and across spaces, words, word pairs, stems, jamo 3/4-grams; ../nlu/features.ts);
//   - how much of the query the title covers *and* how much of the title the query covers
//     (IDF-weighted bigrams, trigrams, syllables, two-syllable word prefixes);
//   - longest common subsequence/substring, over syllables and over jamo (word order,
//     shared phrases, conjugated forms such as 사귀었어/사궜어);
//   - whether the title has the query's first, last and rarest word. Korean puts the topic
//     first and the predicate (with its generic ending) last, so the first word weighs more;
//   - whether both ask or both tell, and agree in negation and past tense.
// "Title" is whatever names the article: its title plus its tags. The weights were fitted by
// bench/fit-rerank.ts on the even-numbered benchmark queries (docs/bench-search.md).
import { extractFeatures } from "../nlu/features.js";
import { normalizeUtterance } from "../nlu/normalize.js";
import { toJamo } from "../text/hangul.js";

/** Number of features per candidate (see `RerankQuery.features`). */
export const RERANK_FEATURES = 26;

/**
 * Weights over the raw features, in the order `RerankQuery.features` returns them. Only the
 * ranking they induce matters, so the scale is arbitrary. Fitted by bench/fit-rerank.ts
 * (paste its last line here after changing a feature).
 */
export const RERANK_WEIGHTS: readonly number[] = [
  -1.025, 0.8223, -0.07636, 0.8, -0.1479, -0.4174, 0.06035, -0.2073, 0.15, 0.007235, -0.04285, 0.1436, 0.07816, 0.1535, -0.1449, -0.0687,
  -0.03766, 0.1886, 0.05064, -0.1422, -0.02512, 0.2443, 0.4, 0.06249, 0.05004, -0.003368,
];

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
  // Titles give a few dozen codes; insertion sort beats the built-in sort's setup there.
  if (codes.length > 48) codes.sort();
  else {
    for (let i = 1; i < codes.length; i++) {
      const value = codes[i] ?? 0;
      let j = i - 1;
      while (j >= 0 && (codes[j] ?? 0) > value) {
        codes[j + 1] = codes[j] ?? 0;
        j--;
      }
      codes[j + 1] = value;
    }
  }
  let n = 0;
  for (let i = 0; i < codes.length; i++) if (i === 0 || codes[i] !== codes[n - 1]) codes[n++] = codes[i] ?? 0;
  return n;
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
  return codes.subarray(0, sortDistinct(codes));
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
function prefixCodes(text: string): Int32Array {
  const words = text.split(" ").filter((w) => w.length > 0);
  return Int32Array.from(words, (w) => ((w.charCodeAt(0) || 0) * 0x10000 + (w.length > 1 ? w.charCodeAt(1) : 0)) | 0);
}

// NLU feature hashes are folded into this many buckets, so document frequencies live in one
// typed array instead of a Map of ~160k keys; collisions are rare.
const BUCKET_BITS = 20;
const BUCKET_MASK = (1 << BUCKET_BITS) - 1;

/**
 * One list of numbers per title, all stored end to end (list d is values[starts[d] ..
 * starts[d + 1])). Thousands of tiny typed arrays cost more to create and collect than the
 * numbers they hold.
 */
class PackedLists {
  readonly values: number[] = [];
  readonly starts: number[] = [0];

  push(list: ArrayLike<number>): void {
    for (let i = 0; i < list.length; i++) this.values.push(list[i] ?? 0);
    this.starts.push(this.values.length);
  }
}

/** Size of the intersection of ascending `a` and the ascending range b[from, to). */
function sharedCount(a: ArrayLike<number>, b: ArrayLike<number>, from: number, to: number): number {
  let n = 0;
  let i = 0;
  let j = from;
  while (i < a.length && j < to) {
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

export function buildReranker(titles: readonly string[]): Reranker {
  const total = titles.length;
  const cleaned = titles.map(normalizeUtterance);
  const compacts = cleaned.map((text) => text.replaceAll(" ", ""));
  const jamos = compacts.map((text) => toJamo(text));
  const traits = Int8Array.from(titles, (title, d) => traitsOf(title, cleaned[d] ?? ""));

  // Pass 1: the features of every title, packed, and their document frequencies.
  const featureDf = new Int32Array(1 << BUCKET_BITS);
  const bigramDf = new Map<number, number>();
  const prefixDf = new Map<number, number>();
  const bags = cleaned.map(extractFeatures);
  const featureStarts = new Int32Array(total + 1);
  bags.forEach((bag, d) => {
    featureStarts[d + 1] = (featureStarts[d] ?? 0) + bag.hashes.length;
  });
  const featureIds = new Int32Array(featureStarts[total] ?? 0);
  const featureCounts = new Float32Array(featureIds.length);
  const bigramLists = new PackedLists();
  const trigramLists = new PackedLists();
  const syllableLists = new PackedLists();
  const prefixLists = new PackedLists();
  cleaned.forEach((text, d) => {
    // Bucket ids in any order (a rare collision inside one title just gives two entries).
    const bag = bags[d] ?? { hashes: [], counts: [] };
    const at = featureStarts[d] ?? 0;
    for (let i = 0; i < bag.hashes.length; i++) {
      const id = (bag.hashes[i] ?? 0) & BUCKET_MASK;
      featureIds[at + i] = id;
      featureDf[id] = (featureDf[id] ?? 0) + 1;
      featureCounts[at + i] = bag.counts[i] ?? 1;
    }
    const compact = compacts[d] ?? "";
    const bigrams = shortGramCodes(compact, 2);
    bigramLists.push(bigrams);
    for (const c of bigrams) bigramDf.set(c, (bigramDf.get(c) ?? 0) + 1);
    const prefixes = prefixCodes(text);
    const distinct = prefixes.subarray(0, sortDistinct(prefixes));
    prefixLists.push(distinct);
    for (const c of distinct) prefixDf.set(c, (prefixDf.get(c) ?? 0) + 1);
    trigramLists.push(trigramCodes(compact));
    syllableLists.push(shortGramCodes(compact, 1));
  });

  // IDFs depend only on the document frequency, so each is computed once per frequency.
  const smoothIdf = Float64Array.from({ length: total + 2 }, (_, df) => Math.log((total + 1) / (df + 1)) + 1);
  const plainIdf = Float64Array.from({ length: total + 2 }, (_, df) => Math.log(total / (1 + df)));
  const featureIdf = (bucket: number): number => smoothIdf[featureDf[bucket] ?? 0] ?? 0;
  const bigramIdf = (code: number): number => plainIdf[bigramDf.get(code) ?? 0] ?? 0;
  const prefixIdf = (code: number): number => plainIdf[prefixDf.get(code) ?? 0] ?? 0;

  /** Sublinear TF-IDF weights of ids[from, to), L2-normalised, written to out[from, to). */
  const weigh = (ids: ArrayLike<number>, counts: ArrayLike<number>, from: number, to: number, out: Float32Array): void => {
    let norm = 0;
    for (let i = from; i < to; i++) {
      const count = counts[i] ?? 1;
      const w = (count === 1 ? 1 : 1 + Math.log(count)) * featureIdf(ids[i] ?? 0);
      out[i] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = from; i < to; i++) out[i] = (out[i] ?? 0) / norm;
  };

  // Pass 2: typed arrays, weights and IDFs.
  bags.length = 0;
  const featureWeights = new Float32Array(featureIds.length);
  for (let d = 0; d < total; d++) {
    weigh(featureIds, featureCounts, featureStarts[d] ?? 0, featureStarts[d + 1] ?? 0, featureWeights);
  }
  const bigramStarts = Int32Array.from(bigramLists.starts);
  const bigramCodes = Int32Array.from(bigramLists.values);
  const bigramIdfs = Float32Array.from(bigramCodes, bigramIdf);
  const bigramMass = new Float32Array(total);
  for (let d = 0; d < total; d++) {
    let mass = 0;
    for (let i = bigramStarts[d] ?? 0; i < (bigramStarts[d + 1] ?? 0); i++) mass += bigramIdfs[i] ?? 0;
    bigramMass[d] = mass;
  }
  const trigramStarts = Int32Array.from(trigramLists.starts);
  const trigramCodesAll = Float64Array.from(trigramLists.values);
  const syllableStarts = Int32Array.from(syllableLists.starts);
  const syllableCodes = Int32Array.from(syllableLists.values);
  const prefixStarts = Int32Array.from(prefixLists.starts);
  const prefixCodesAll = Int32Array.from(prefixLists.values);
  const prefixIdfs = Float32Array.from(prefixCodesAll, prefixIdf);

  const queryTable = new Float32Array(1 << BUCKET_BITS);
  let queryIds: Int32Array = new Int32Array(0);
  const clearQueryTable = (): void => {
    for (const id of queryIds) queryTable[id] = 0;
  };

  function prepare(query: string): RerankQuery | undefined {
    const text = normalizeUtterance(query);
    if (text.length === 0) return undefined;
    const compact = text.replaceAll(" ", "");
    const bag = extractFeatures(text);
    const qIds = Int32Array.from(bag.hashes, (h) => h & BUCKET_MASK);
    const qWeights = new Float32Array(qIds.length);
    weigh(qIds, bag.counts, 0, qIds.length, qWeights);
    // The query's weights spread over the bucket table, so a title's cosine is one lookup per
    // feature; cleared again on the next prepare.
    clearQueryTable();
    for (let i = 0; i < qIds.length; i++) {
      const id = qIds[i] ?? 0;
      queryTable[id] = (queryTable[id] ?? 0) + (qWeights[i] ?? 0);
    }
    queryIds = qIds;
    const qBigrams = shortGramCodes(compact, 2);
    const qTrigrams = trigramCodes(compact);
    const qSyllables = shortGramCodes(compact, 1);
    const wordPrefixes = prefixCodes(text);
    const qPrefixes = new Set(wordPrefixes);
    let qBigramMass = 0;
    for (const c of qBigrams) qBigramMass += bigramIdf(c);
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
        if (doc < 0 || doc >= total) return new Array<number>(RERANK_FEATURES).fill(0);
        let cosine = 0;
        for (let j = featureStarts[doc] ?? 0, end = featureStarts[doc + 1] ?? 0; j < end; j++) {
          cosine += (queryTable[featureIds[j] ?? 0] ?? 0) * (featureWeights[j] ?? 0);
        }
        const bigramFrom = bigramStarts[doc] ?? 0;
        const bigramTo = bigramStarts[doc + 1] ?? 0;
        let sharedBigramMass = 0;
        for (let i = 0, j = bigramFrom; i < qBigrams.length && j < bigramTo; ) {
          const x = qBigrams[i] ?? 0;
          const y = bigramCodes[j] ?? 0;
          if (x === y) {
            sharedBigramMass += bigramIdfs[j] ?? 0;
            i++;
            j++;
          } else if (x < y) i++;
          else j++;
        }
        const trigramFrom = trigramStarts[doc] ?? 0;
        const trigramCount = (trigramStarts[doc + 1] ?? 0) - trigramFrom;
        const sharedTrigrams = sharedCount(qTrigrams, trigramCodesAll, trigramFrom, trigramFrom + trigramCount);
        const syllableFrom = syllableStarts[doc] ?? 0;
        const syllableCount = (syllableStarts[doc + 1] ?? 0) - syllableFrom;
        const sharedSyllables = sharedCount(qSyllables, syllableCodes, syllableFrom, syllableFrom + syllableCount);
        let sharedPrefixMass = 0;
        let sharedPrefixes = 0;
        let hasRarest = 0;
        let hasFirst = 0;
        let hasLast = 0;
        const prefixFrom = prefixStarts[doc] ?? 0;
        const prefixCount = (prefixStarts[doc + 1] ?? 0) - prefixFrom;
        for (let i = prefixFrom; i < prefixFrom + prefixCount; i++) {
          const c = prefixCodesAll[i] ?? 0;
          if (!qPrefixes.has(c)) continue;
          sharedPrefixMass += prefixIdfs[i] ?? 0;
          sharedPrefixes++;
          if (c === rarest) hasRarest = 1;
          if (c === first) hasFirst = 1;
          if (c === last) hasLast = 1;
        }
        const title = compacts[doc] ?? "";
        const titleJamo = jamos[doc] ?? "";
        const { subsequence, substring } = commonRuns(compact, title);
        const jamoSubsequence = jamoLcs(titleJamo);
        const sameTraits = ~(qTraits ^ (traits[doc] ?? 0));
        const bigramCount = bigramTo - bigramFrom;
        const lengthRatio = Math.log(bigramCount + 1) - Math.log(qBigrams.length + 1);
        const titleMass = bigramMass[doc] ?? 0;
        return [
          score,
          topScore > 0 ? score / topScore : 0,
          Math.log(1 + rank),
          cosine,
          qBigramMass > 0 ? sharedBigramMass / qBigramMass : 0,
          titleMass > 0 ? sharedBigramMass / titleMass : 0,
          sharedTrigrams / Math.max(1, qTrigrams.length),
          sharedTrigrams / Math.max(1, trigramCount),
          sharedSyllables / Math.max(1, qSyllables.length),
          sharedSyllables / Math.max(1, syllableCount),
          prefixMass > 0 ? sharedPrefixMass / prefixMass : 0,
          sharedPrefixes / Math.max(1, prefixCount),
          hasRarest,
          hasFirst,
          hasLast,
          lengthRatio,
          Math.abs(lengthRatio),
          subsequence / Math.max(1, compact.length),
          subsequence / Math.max(1, title.length),
          substring / Math.max(1, compact.length),
          cosine * hasFirst,
          jamoSubsequence / Math.max(1, qJamo.length),
          jamoSubsequence / Math.max(1, titleJamo.length),
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
        rows[cur + j] = Math.max(up, left);
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
