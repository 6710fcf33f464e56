// Korean-first intent matcher that knows when it does not know.
//
// How it decides:
//  1. An utterance equal to a training example after normalization (spaces ignored)
//     wins outright with score 1.
//  2. Otherwise the utterance's TF-IDF vector (features.ts) is compared with each
//     intent's mean example vector. The cosine is divided by sqrt(|mean|): an intent
//     whose examples are phrased very differently has a short mean vector, and its
//     own members only reach a low cosine with it, so this puts loose and tight
//     intents on the same scale.
//  3. Confidence combines how similar the best intent is with how far it is ahead
//     of the runner-up, squashed to 0..1. One threshold on it (calibrated on
//     training data only, see evaluate.ts `calibrateThreshold`) decides fallback.

import { extractFeatures } from "./features.js";
import { normalizeUtterance } from "./normalize.js";

export interface TrainingExample {
  intent: string;
  text: string;
}

export interface MatcherOptions {
  /** Overrides DEFAULT_MATCH_THRESHOLD. */
  threshold?: number;
}

export interface MatchCandidate {
  intent: string;
  /**
   * 0..1 on the threshold's scale. The best candidate's score is the match confidence
   * (similarity plus its lead over the runner-up); the others show plain similarity.
   */
  score: number;
  /** The training utterance of this intent closest to the input (for explanations). */
  example: string | null;
}

export interface MatchResult {
  intent: string | null;
  score: number;
  accepted: boolean;
  exact: boolean;
  candidates: MatchCandidate[];
}

export interface MatchOptions {
  /** Only these intents may be returned (blocks whose input contexts are alive). */
  eligible?: ReadonlySet<string>;
  /** Number of candidates to report; default 5. */
  topK?: number;
}

export interface Matcher {
  readonly threshold: number;
  readonly intents: readonly string[];
  match(text: string, options?: MatchOptions): MatchResult;
}

/**
 * Confidence at or above which a match is accepted. Chosen by `calibrateThreshold`
 * on the training split of the parakqc benchmark (pseudo out-of-scope = held-out
 * intents), see docs/bench-nlu.md; re-run `bench/nlu.ts` after changing the model.
 */
export const DEFAULT_MATCH_THRESHOLD = 0.49;

const DEFAULT_TOP_K = 5;
/** How much the lead over the runner-up adds to the similarity. */
const MARGIN_WEIGHT = 0.5;
/** Exponent of |mean| in the intent score denominator (1 would be plain cosine). */
const COHESION_POWER = 1.5;
/** Raw confidence that maps to 0.5 after squashing. */
const SQUASH_HALF = 0.5;

/**
 * Open-addressing map from feature hash to dense feature id, in typed arrays:
 * a JS Map of 100k+ numbers costs several times the memory and is slower to probe.
 */
class FeatureTable {
  #keys = new Uint32Array(1024);
  #ids = new Int32Array(1024).fill(-1);
  size = 0;

  #slot(hash: number): number {
    const mask = this.#keys.length - 1;
    let slot = (Math.imul(hash, 0x9e3779b1) >>> 0) & mask;
    while (this.#ids[slot] !== -1 && this.#keys[slot] !== hash) slot = (slot + 1) & mask;
    return slot;
  }

  /** Id of `hash`, or -1 when it was never seen in training. */
  get(hash: number): number {
    return this.#ids[this.#slot(hash)] ?? -1;
  }

  /** Id of `hash`, assigning the next free id on first sight. */
  intern(hash: number): number {
    const slot = this.#slot(hash);
    const id = this.#ids[slot] ?? -1;
    if (id !== -1) return id;
    this.#keys[slot] = hash;
    this.#ids[slot] = this.size;
    this.size++;
    // Keep the load factor at or below 1/2 so probes stay short.
    if (this.size * 2 > this.#keys.length) this.#grow();
    return this.size - 1;
  }

  #grow(): void {
    const keys = this.#keys;
    const ids = this.#ids;
    this.#keys = new Uint32Array(keys.length * 2);
    this.#ids = new Int32Array(ids.length * 2).fill(-1);
    for (let old = 0; old < keys.length; old++) {
      const id = ids[old] ?? -1;
      if (id === -1) continue;
      const slot = this.#slot(keys[old] ?? 0);
      this.#keys[slot] = keys[old] ?? 0;
      this.#ids[slot] = id;
    }
  }
}

/** Trained, immutable model: compact typed arrays so 1,000 intents stay small. */
interface Model {
  readonly intents: readonly string[];
  readonly features: FeatureTable;
  readonly idf: Float32Array;
  /** idf given to features never seen in training (they still count in the norm). */
  readonly unknownIdf: number;
  /** Postings per feature id: intents with their scaled mean-vector weight. */
  readonly postingStart: Uint32Array;
  readonly postingIntent: Uint32Array;
  readonly postingWeight: Float32Array;
  /** Examples grouped by intent: intent i owns examples [exampleStart[i], exampleStart[i+1]). */
  readonly exampleStart: Uint32Array;
  readonly exampleText: readonly string[];
  /** Feature ids per example, for picking the nearest example. */
  readonly exampleFeatureStart: Uint32Array;
  readonly exampleFeatures: Uint32Array;
  /** Normalized text without spaces -> intent indices that have it as an example. */
  readonly exact: ReadonlyMap<string, readonly number[]>;
}

interface QueryVector {
  /** Known feature ids with their weights (already divided by the vector norm). */
  readonly ids: readonly number[];
  readonly weights: readonly number[];
}

function exactKey(normalized: string): string {
  return normalized.replaceAll(" ", "");
}

function sublinear(count: number): number {
  return 1 + Math.log(count);
}

function squash(raw: number): number {
  return raw <= 0 ? 0 : raw / (raw + SQUASH_HALF);
}

function train(examples: readonly TrainingExample[]): Model {
  // Group examples by intent in first-seen order; drop duplicates within an intent.
  const intentIndex = new Map<string, number>();
  const grouped: { normalized: string; text: string }[][] = [];
  const exact = new Map<string, number[]>();
  for (const example of examples) {
    const normalized = normalizeUtterance(example.text);
    if (normalized.length === 0) continue;
    let index = intentIndex.get(example.intent);
    if (index === undefined) {
      index = grouped.length;
      intentIndex.set(example.intent, index);
      grouped.push([]);
    }
    const key = exactKey(normalized);
    const owners = exact.get(key) ?? [];
    if (owners.includes(index)) continue;
    owners.push(index);
    exact.set(key, owners);
    grouped[index]?.push({ normalized, text: example.text });
  }
  const intents = [...intentIndex.keys()];
  const intentCount = intents.length;

  // Features per example (hashes replaced by dense ids); document frequency per intent.
  const bags = grouped.map((group) => group.map((example) => extractFeatures(example.normalized)));
  const features = new FeatureTable();
  const exampleIds: Uint32Array[][] = bags.map((group) =>
    group.map((bag) => Uint32Array.from(bag.hashes, (hash) => features.intern(hash))),
  );
  const vocabularySize = features.size;
  const df = new Uint32Array(vocabularySize);
  const lastIntent = new Int32Array(vocabularySize).fill(-1);
  exampleIds.forEach((group, intent) => {
    for (const ids of group) {
      for (const id of ids) {
        if (lastIntent[id] !== intent) {
          lastIntent[id] = intent;
          df[id] = (df[id] ?? 0) + 1;
        }
      }
    }
  });
  const idf = new Float32Array(vocabularySize);
  for (let id = 0; id < vocabularySize; id++) idf[id] = Math.log((intentCount + 1) / ((df[id] ?? 0) + 0.5));

  // Mean of unit-length example vectors per intent, scaled by 1 / |mean|^COHESION_POWER,
  // accumulated in a dense scratch vector that is cleared through its touched ids.
  const exampleText: string[] = [];
  const exampleStart = new Uint32Array(intentCount + 1);
  const scratch = new Float64Array(vocabularySize);
  const intentIds: Uint32Array[] = [];
  const intentWeights: Float32Array[] = [];
  const postingCounts = new Uint32Array(vocabularySize + 1);
  exampleIds.forEach((group, intent) => {
    exampleStart[intent] = exampleText.length;
    const touched: number[] = [];
    group.forEach((ids, k) => {
      exampleText.push(grouped[intent]?.[k]?.text ?? "");
      const counts = bags[intent]?.[k]?.counts ?? [];
      let norm = 0;
      for (let j = 0; j < ids.length; j++) {
        const weight = sublinear(counts[j] ?? 1) * (idf[ids[j] ?? 0] ?? 0);
        norm += weight * weight;
      }
      const scale = 1 / ((Math.sqrt(norm) || 1) * group.length);
      for (let j = 0; j < ids.length; j++) {
        const id = ids[j] ?? 0;
        if (scratch[id] === 0) touched.push(id);
        scratch[id] = (scratch[id] ?? 0) + sublinear(counts[j] ?? 1) * (idf[id] ?? 0) * scale;
      }
    });
    let length = 0;
    for (const id of touched) length += (scratch[id] ?? 0) ** 2;
    const scale = length > 0 ? 1 / Math.sqrt(length) ** COHESION_POWER : 0;
    const ids = Uint32Array.from(touched);
    const weights = new Float32Array(touched.length);
    touched.forEach((id, k) => {
      weights[k] = (scratch[id] ?? 0) * scale;
      scratch[id] = 0;
      postingCounts[id + 1] = (postingCounts[id + 1] ?? 0) + 1;
    });
    intentIds.push(ids);
    intentWeights.push(weights);
  });
  exampleStart[intentCount] = exampleText.length;

  // Compressed postings: feature id -> (intent, weight) pairs.
  const postingStart = postingCounts;
  for (let id = 0; id < vocabularySize; id++) postingStart[id + 1] = (postingStart[id + 1] ?? 0) + (postingStart[id] ?? 0);
  const postingCount = postingStart[vocabularySize] ?? 0;
  const fill = postingStart.slice(0, vocabularySize);
  const postingIntent = new Uint32Array(postingCount);
  const postingWeight = new Float32Array(postingCount);
  intentIds.forEach((ids, intent) => {
    const weights = intentWeights[intent] ?? new Float32Array(0);
    ids.forEach((id, k) => {
      const at = fill[id] ?? 0;
      postingIntent[at] = intent;
      postingWeight[at] = weights[k] ?? 0;
      fill[id] = at + 1;
    });
  });

  const flatExamples = exampleIds.flat();
  const exampleFeatureStart = new Uint32Array(flatExamples.length + 1);
  flatExamples.forEach((ids, k) => {
    exampleFeatureStart[k + 1] = (exampleFeatureStart[k] ?? 0) + ids.length;
  });
  const exampleFeatures = new Uint32Array(exampleFeatureStart[flatExamples.length] ?? 0);
  flatExamples.forEach((ids, k) => {
    exampleFeatures.set(ids, exampleFeatureStart[k] ?? 0);
  });

  return {
    intents,
    features,
    idf,
    unknownIdf: Math.log(intentCount + 1),
    postingStart,
    postingIntent,
    postingWeight,
    exampleStart,
    exampleText,
    exampleFeatureStart,
    exampleFeatures,
    exact,
  };
}

function vectorize(model: Model, normalized: string): QueryVector {
  const bag = extractFeatures(normalized);
  const ids: number[] = [];
  const weights: number[] = [];
  let norm = 0;
  for (let k = 0; k < bag.hashes.length; k++) {
    const id = model.features.get(bag.hashes[k] ?? 0);
    const weight = sublinear(bag.counts[k] ?? 1) * (id === -1 ? model.unknownIdf : (model.idf[id] ?? 0));
    norm += weight * weight;
    if (id !== -1) {
      ids.push(id);
      weights.push(weight);
    }
  }
  norm = Math.sqrt(norm) || 1;
  return { ids, weights: weights.map((weight) => weight / norm) };
}

/**
 * Training example of `intent` sharing the most query weight, normalised by example
 * size so long examples do not win by length alone. `dense` holds the query by id.
 */
function nearestExample(model: Model, dense: Float64Array, intent: number): string | null {
  let best: string | null = null;
  let bestOverlap = -1;
  const end = model.exampleStart[intent + 1] ?? 0;
  for (let e = model.exampleStart[intent] ?? 0; e < end; e++) {
    const start = model.exampleFeatureStart[e] ?? 0;
    const stop = model.exampleFeatureStart[e + 1] ?? 0;
    let overlap = 0;
    for (let j = start; j < stop; j++) {
      const id = model.exampleFeatures[j] ?? 0;
      overlap += (dense[id] ?? 0) * (model.idf[id] ?? 0);
    }
    overlap /= Math.sqrt(stop - start || 1);
    if (overlap > bestOverlap) {
      bestOverlap = overlap;
      best = model.exampleText[e] ?? null;
    }
  }
  return best;
}

function exactExample(model: Model, intent: number, key: string): string | null {
  const end = model.exampleStart[intent + 1] ?? 0;
  for (let e = model.exampleStart[intent] ?? 0; e < end; e++) {
    const text = model.exampleText[e] ?? "";
    if (exactKey(normalizeUtterance(text)) === key) return text;
  }
  return null;
}

class IntentMatcher implements Matcher {
  readonly threshold: number;
  readonly intents: readonly string[];
  readonly #model: Model;
  readonly #intentIndex: ReadonlyMap<string, number>;
  readonly #scores: Float64Array;
  /** Query weights by feature id, filled during a match and cleared after it. */
  readonly #dense: Float64Array;

  constructor(model: Model, threshold: number) {
    this.#model = model;
    this.threshold = threshold;
    this.intents = model.intents;
    this.#intentIndex = new Map(model.intents.map((intent, index) => [intent, index]));
    this.#scores = new Float64Array(model.intents.length);
    this.#dense = new Float64Array(model.idf.length);
  }

  match(text: string, options: MatchOptions = {}): MatchResult {
    const model = this.#model;
    const topK = Math.max(1, options.topK ?? DEFAULT_TOP_K);
    const allowed = this.#eligibleMask(options.eligible);
    const normalized = normalizeUtterance(text);
    const query = vectorize(model, normalized);

    // Similarity to every intent through the postings of the query's known features.
    // (Hot loop: arrays hoisted into locals so they are not reloaded per posting.)
    const scores = this.#scores;
    scores.fill(0);
    const { postingStart, postingIntent, postingWeight } = model;
    const { ids, weights } = query;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      const weight = weights[k];
      const end = postingStart[id + 1];
      for (let p = postingStart[id]; p < end; p++) {
        const intent = postingIntent[p];
        scores[intent] += weight * postingWeight[p];
      }
    }

    const exactOwner = (model.exact.get(exactKey(normalized)) ?? []).find((i) => allowed === null || allowed[i] === 1);
    const ranked = this.#topIntents(scores, allowed, topK + 1, exactOwner);
    const second = ranked[1];
    const runnerUpScore = second === undefined ? 0 : (scores[second] ?? 0);

    const dense = this.#dense;
    query.ids.forEach((id, k) => {
      dense[id] = query.weights[k] ?? 0;
    });
    const candidates: MatchCandidate[] = ranked.slice(0, topK).map((intent, rank) => {
      if (intent === exactOwner) {
        return {
          intent: model.intents[intent] ?? "",
          score: 1,
          example: exactExample(model, intent, exactKey(normalized)),
        };
      }
      // Only the leader earns the margin bonus; the others report plain similarity
      // on the same scale, which keeps them ordered below it and readable.
      const similarity = scores[intent] ?? 0;
      const margin = rank === 0 ? similarity - runnerUpScore : 0;
      return {
        intent: model.intents[intent] ?? "",
        score: squash(similarity + MARGIN_WEIGHT * margin),
        example: nearestExample(model, dense, intent),
      };
    });
    for (const id of query.ids) dense[id] = 0;

    const best = candidates[0];
    const exact = exactOwner !== undefined;
    const score = best?.score ?? 0;
    const accepted = best !== undefined && (exact || score >= this.threshold);
    return { intent: accepted ? (best?.intent ?? null) : null, score, accepted, exact, candidates };
  }

  /** 1 for intents that may be returned, or null when every intent may. */
  #eligibleMask(eligible: ReadonlySet<string> | undefined): Uint8Array | null {
    if (eligible === undefined) return null;
    const mask = new Uint8Array(this.intents.length);
    for (const name of eligible) {
      const index = this.#intentIndex.get(name);
      if (index !== undefined) mask[index] = 1;
    }
    return mask;
  }

  /**
   * The `count` best allowed intents with a positive score, best first, ties by
   * training order. An exact owner is forced to the front.
   */
  #topIntents(scores: Float64Array, allowed: Uint8Array | null, count: number, exactOwner: number | undefined): number[] {
    const top: number[] = exactOwner === undefined ? [] : [exactOwner];
    const limit = count;
    for (let intent = 0; intent < scores.length; intent++) {
      const score = scores[intent] ?? 0;
      if (score <= 0 || intent === exactOwner || (allowed !== null && allowed[intent] !== 1)) continue;
      const floor = exactOwner === undefined ? 0 : 1;
      if (top.length === limit && score <= (scores[top[limit - 1] ?? 0] ?? 0)) continue;
      let at = top.length === limit ? limit - 1 : top.length;
      while (at > floor && score > (scores[top[at - 1] ?? 0] ?? 0)) {
        top[at] = top[at - 1] ?? 0;
        at--;
      }
      top[at] = intent;
    }
    return top;
  }
}

/** Trains a matcher over the examples. Pure and deterministic; empty input is allowed. */
export function buildMatcher(examples: readonly TrainingExample[], options: MatcherOptions = {}): Matcher {
  return new IntentMatcher(train(examples), options.threshold ?? DEFAULT_MATCH_THRESHOLD);
}
