// Offline evaluation and threshold calibration of the intent matcher.
// Pure: callers (the `botcenter nlu-eval` CLI, bench/nlu.ts) read files and pass text in.

import { buildMatcher, type Matcher, type MatcherOptions, type TrainingExample } from "./matcher.js";

export interface Prediction {
  text: string;
  /** Gold intent, or the out-of-scope label of an OOD row (e.g. "__ood_near__"). */
  expected: string;
  /** Best candidate even when it was not accepted; null when nothing matched at all. */
  predicted: string | null;
  score: number;
  accepted: boolean;
  top3: string[];
}

export interface OutOfScopeCounts {
  total: number;
  accepted: number;
  rate: number;
}

export interface EvaluationReport {
  /** Share of in-scope test utterances whose best candidate is the gold intent. */
  top1: number;
  top3: number;
  /** Share of in-scope test utterances that went to fallback (not accepted). */
  fallbackRate: number;
  /** Share of in-scope test utterances both correct and accepted. */
  inScopeAccuracy: number;
  /** Share of out-of-scope utterances accepted (wrongly); null without OOD data. */
  oodAcceptance: number | null;
  /** Out-of-scope acceptance per OOD label. */
  oodByLabel: Record<string, OutOfScopeCounts>;
  threshold: number;
  counts: {
    intents: number;
    train: number;
    test: number;
    ood: number;
    top1: number;
    top3: number;
    correctAccepted: number;
    fallback: number;
    oodAccepted: number;
  };
  predictions: Prediction[];
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function predict(matcher: Matcher, example: TrainingExample): Prediction {
  const result = matcher.match(example.text, { topK: 3 });
  return {
    text: example.text,
    expected: example.intent,
    predicted: result.candidates[0]?.intent ?? null,
    score: result.score,
    accepted: result.accepted,
    top3: result.candidates.map((c) => c.intent),
  };
}

/** Scores an already built matcher on in-scope test rows and optional out-of-scope rows. */
export function evaluateBuiltMatcher(
  matcher: Matcher,
  test: readonly TrainingExample[],
  ood: readonly TrainingExample[] = [],
  trainCount = 0,
): EvaluationReport {
  const inScope = test.map((example) => predict(matcher, example));
  const outOfScope = ood.map((example) => predict(matcher, example));
  const top1 = inScope.filter((p) => p.predicted === p.expected).length;
  const top3 = inScope.filter((p) => p.top3.includes(p.expected)).length;
  const correctAccepted = inScope.filter((p) => p.accepted && p.predicted === p.expected).length;
  const fallback = inScope.filter((p) => !p.accepted).length;
  const oodAccepted = outOfScope.filter((p) => p.accepted).length;
  const oodByLabel: Record<string, OutOfScopeCounts> = {};
  for (const p of outOfScope) {
    const entry = oodByLabel[p.expected] ?? { total: 0, accepted: 0, rate: 0 };
    entry.total++;
    if (p.accepted) entry.accepted++;
    entry.rate = entry.accepted / entry.total;
    oodByLabel[p.expected] = entry;
  }
  return {
    top1: ratio(top1, inScope.length),
    top3: ratio(top3, inScope.length),
    fallbackRate: ratio(fallback, inScope.length),
    inScopeAccuracy: ratio(correctAccepted, inScope.length),
    oodAcceptance: outOfScope.length === 0 ? null : ratio(oodAccepted, outOfScope.length),
    oodByLabel,
    threshold: matcher.threshold,
    counts: {
      intents: matcher.intents.length,
      train: trainCount,
      test: inScope.length,
      ood: outOfScope.length,
      top1,
      top3,
      correctAccepted,
      fallback,
      oodAccepted,
    },
    predictions: [...inScope, ...outOfScope],
  };
}

/** Trains on `train`, then evaluates on `test` (in scope) and `ood` (out of scope). */
export function evaluateMatcher(
  train: TrainingExample[],
  test: TrainingExample[],
  ood: TrainingExample[] = [],
  options: MatcherOptions = {},
): EvaluationReport {
  return evaluateBuiltMatcher(buildMatcher(train, options), test, ood, train.length);
}

/**
 * Parses a tab-separated file whose header row names the columns; `intent` and
 * `text` are required, others are ignored. Blank lines are skipped.
 */
export function parseIntentTsv(text: string): TrainingExample[] {
  const lines = text.replace(/^\uFEFF/u, "").split(/\r?\n/u);
  const header = (lines[0] ?? "").split("\t").map((h) => h.trim().toLowerCase());
  const intentColumn = header.indexOf("intent");
  const textColumn = header.indexOf("text");
  if (intentColumn < 0 || textColumn < 0) {
    throw new Error('intent TSV needs a header row with "intent" and "text" columns');
  }
  const rows: TrainingExample[] = [];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n] ?? "";
    if (line.trim() === "") continue;
    const cells = line.split("\t");
    const intent = (cells[intentColumn] ?? "").trim();
    const utterance = (cells[textColumn] ?? "").trim();
    if (intent === "" || utterance === "") {
      throw new Error(`intent TSV line ${n + 1}: empty intent or text`);
    }
    rows.push({ intent, text: utterance });
  }
  return rows;
}

export interface CalibrationOptions {
  /** Number of folds; each fold holds out 1/folds of the intents as pseudo out-of-scope. */
  folds?: number;
  /** Highest acceptable share of pseudo out-of-scope utterances accepted. */
  maxOutOfScopeAcceptance?: number;
  seed?: number;
}

export interface CalibrationReport {
  threshold: number;
  /** Confidence of each held-out in-scope utterance and whether its best candidate was right. */
  inScope: { score: number; correct: boolean }[];
  /** Best-candidate confidence of each pseudo out-of-scope utterance. */
  outOfScope: number[];
  /** At `threshold`, on the pseudo split. */
  inScopeAccuracy: number;
  outOfScopeAcceptance: number;
}

/** Deterministic PRNG (mulberry32) so calibration is reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Chooses a confidence threshold from training data alone. In each fold a slice of
 * the intents is removed entirely and its utterances serve as pseudo out-of-scope
 * input (they are near misses from the same domains, like real out-of-scope
 * traffic); every remaining intent with at least two examples lends one utterance
 * as in-scope input. The threshold is the lowest confidence at which at most
 * `maxOutOfScopeAcceptance` of the pseudo out-of-scope input would be accepted.
 */
export function calibrateThreshold(train: readonly TrainingExample[], options: CalibrationOptions = {}): CalibrationReport {
  const folds = Math.max(2, options.folds ?? 5);
  const maxAcceptance = options.maxOutOfScopeAcceptance ?? 0.08;
  const next = random(options.seed ?? 1);

  const byIntent = new Map<string, TrainingExample[]>();
  for (const example of train) {
    const list = byIntent.get(example.intent) ?? [];
    list.push(example);
    byIntent.set(example.intent, list);
  }
  const intents = [...byIntent.keys()];
  for (let i = intents.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [intents[i], intents[j]] = [intents[j] ?? "", intents[i] ?? ""];
  }

  const inScope: { score: number; correct: boolean }[] = [];
  const outOfScope: number[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const fit: TrainingExample[] = [];
    const probeIn: TrainingExample[] = [];
    const probeOut: TrainingExample[] = [];
    intents.forEach((intent, position) => {
      const examples = byIntent.get(intent) ?? [];
      if (position % folds === fold) {
        probeOut.push(...examples);
        return;
      }
      const heldOut = examples.length >= 2 ? fold % examples.length : -1;
      examples.forEach((example, k) => {
        (k === heldOut ? probeIn : fit).push(example);
      });
    });
    // Threshold is irrelevant here; only the raw confidences are collected.
    const matcher = buildMatcher(fit, { threshold: 1 });
    for (const example of probeIn) {
      const result = matcher.match(example.text, { topK: 1 });
      inScope.push({ score: result.score, correct: result.candidates[0]?.intent === example.intent });
    }
    for (const example of probeOut) outOfScope.push(matcher.match(example.text, { topK: 1 }).score);
  }

  const sorted = [...outOfScope].sort((a, b) => b - a);
  const allowed = Math.floor(maxAcceptance * sorted.length);
  // Just above the (allowed+1)-th highest pseudo out-of-scope confidence.
  const threshold = sorted.length === 0 ? 0 : Math.min(1, (sorted[allowed] ?? 0) + 1e-6);
  const accepted = outOfScope.filter((s) => s >= threshold).length;
  const correctAccepted = inScope.filter((p) => p.correct && p.score >= threshold).length;
  return {
    threshold,
    inScope,
    outOfScope,
    inScopeAccuracy: ratio(correctAccepted, inScope.length),
    outOfScopeAcceptance: ratio(accepted, outOfScope.length),
  };
}
