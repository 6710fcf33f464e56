// Sparse lexical features of a normalized Korean (or mixed-script) utterance.
//
// Korean words glue particles and endings onto stems and spacing is optional, so
// whole words alone are a poor signal. Each utterance is therefore described by
// several overlapping views, each hashed to a 32-bit id with its own prefix:
//   - character 2/3-grams with word boundaries ("배송", "송 조")
//   - character 2/3-grams of the text with spaces removed ("배송조회" == "배송 조회")
//   - words and word bigrams (exact phrasing still counts)
//   - word stems: a Hangul word minus its last syllable ("선물이"/"선물을" -> "선물")
//   - jamo 3/4-grams ("ㅂㅐㅅㅗ"), which survive one-key typos inside a syllable
// Views and weights were chosen on the parakqc benchmark and re-checked on a
// training-only hold-out (docs/bench-nlu.md).

import { toJamo } from "../text/hangul.js";

/** Distinct feature hashes of one utterance, ascending, with their weighted counts. */
export interface FeatureBag {
  readonly hashes: readonly number[];
  readonly counts: readonly number[];
}

interface GramView {
  readonly prefix: number;
  readonly size: number;
  /** Integer 1..3: how many occurrences one gram of this view counts as. */
  readonly weight: number;
}

const CHAR_GRAMS: readonly GramView[] = [
  { prefix: 1, size: 2, weight: 1 },
  { prefix: 2, size: 3, weight: 1 },
];
const NOSPACE_GRAMS: readonly GramView[] = [
  { prefix: 3, size: 2, weight: 1 },
  { prefix: 4, size: 3, weight: 1 },
];
const JAMO_GRAMS: readonly GramView[] = [
  { prefix: 5, size: 3, weight: 1 },
  { prefix: 6, size: 4, weight: 2 },
];
const WORD_PREFIX = 7;
const BIGRAM_PREFIX = 8;
const STEM_PREFIX = 9;
const WORD_WEIGHT = 1;
const BIGRAM_WEIGHT = 1;
const STEM_WEIGHT = 1;

const HANGUL_WORD = /^[\uac00-\ud7a3]{2,}$/u;

// Hangul syllable arithmetic (Unicode ch. 3.12): syllable = 0xAC00 + (lead * 21 + vowel) * 28 + tail.
// Compound vowels and tails are split into their parts ("ㅘ" -> "ㅗㅏ", "ㄳ" -> "ㄱㅅ"), the same
// output as es-hangul's `disassemble`, but without its per-character arrays: this runs on
// every utterance at match time.
export { toJamo };

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over a view prefix and the UTF-16 code units of text[start, end). */
function hashRange(prefix: number, text: string, start: number, end: number): number {
  let h = Math.imul(FNV_OFFSET ^ prefix, FNV_PRIME);
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h = Math.imul(h ^ (c & 0xff), FNV_PRIME);
    h = Math.imul(h ^ (c >>> 8), FNV_PRIME);
  }
  return h >>> 0;
}

/**
 * Grams are collected as one number each, hash * 4 + weight (weights are small
 * integers), into a reusable buffer; sorting it groups equal hashes, which is far
 * cheaper than a Map per utterance.
 */
class GramCollector {
  #keys = new Float64Array(1024);
  #length = 0;

  reset(): void {
    this.#length = 0;
  }

  push(hash: number, weight: number): void {
    if (this.#length === this.#keys.length) {
      const grown = new Float64Array(this.#keys.length * 2);
      grown.set(this.#keys);
      this.#keys = grown;
    }
    this.#keys[this.#length++] = hash * 4 + weight;
  }

  /** Sliding n-grams of `text` (n >= 2, so no gram is a lone space). */
  pushGrams(text: string, views: readonly GramView[]): void {
    for (const view of views) {
      for (let i = 0; i + view.size <= text.length; i++) {
        this.push(hashRange(view.prefix, text, i, i + view.size), view.weight);
      }
    }
  }

  toBag(): FeatureBag {
    // Plain arrays: small per-query typed arrays would each need an off-heap buffer.
    const keys = this.#keys.subarray(0, this.#length).sort();
    const hashes: number[] = [];
    const counts: number[] = [];
    let last = -1;
    for (const key of keys) {
      const hash = Math.floor(key / 4);
      const weight = key - hash * 4;
      if (hash === last) counts[counts.length - 1] = (counts[counts.length - 1] ?? 0) + weight;
      else {
        hashes.push(hash);
        counts.push(weight);
        last = hash;
      }
    }
    return { hashes, counts };
  }
}

const collector = new GramCollector();

/**
 * Features of an utterance that has already gone through `normalizeUtterance`.
 * Deterministic: the same text always yields the same bag.
 */
export function extractFeatures(normalized: string): FeatureBag {
  collector.reset();
  if (normalized.length > 0) {
    collector.pushGrams(` ${normalized} `, CHAR_GRAMS);
    collector.pushGrams(normalized.replaceAll(" ", ""), NOSPACE_GRAMS);
    collector.pushGrams(` ${toJamo(normalized)} `, JAMO_GRAMS);
    const words = normalized.split(" ");
    for (let i = 0; i < words.length; i++) {
      const word = words[i] ?? "";
      collector.push(hashRange(WORD_PREFIX, word, 0, word.length), WORD_WEIGHT);
      const next = words[i + 1];
      if (next !== undefined) {
        const pair = `${word} ${next}`;
        collector.push(hashRange(BIGRAM_PREFIX, pair, 0, pair.length), BIGRAM_WEIGHT);
      }
      if (HANGUL_WORD.test(word)) {
        collector.push(hashRange(STEM_PREFIX, word, 0, word.length - 1), STEM_WEIGHT);
      }
    }
  }
  return collector.toBag();
}
