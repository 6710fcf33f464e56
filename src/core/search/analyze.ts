// Turns text into the features the index scores. Each feature belongs to one analyzer:
//   b  character bigram of the text with spaces removed (spacing-insensitive, partial words)
//   u  single Hangul syllable (bag of syllables; lets a one-syllable query match at all)
//   w  word with its particle/ending removed ("플러그인을" → "플러그인")
//   p  first two syllables of a Hangul word (a crude stem for verbs: "헤어졌어"/"헤어지고")
//   q  first syllable of a Hangul word
//   j  jamo trigram of the text with spaces removed (a one-letter typo breaks few of these)
// 초성 queries are matched separately (see choseong.ts): they need another view of the text.
//
// Short features (up to three UTF-16 units) are packed into one number, analyzer in the
// top bits; only whole words stay strings. Number keys hash far faster than fresh strings,
// which keeps building a 9k-article index well under a second.
import { isHangulSyllable, toJamo } from "../text/hangul.js";
import { stemKorean } from "./korean-stem.js";
import { normalizeText, splitWords, type Word } from "./text.js";

export type AnalyzerCode = "b" | "u" | "w" | "p" | "q" | "j";
export const ANALYZERS: readonly AnalyzerCode[] = ["b", "u", "w", "p", "q", "j"];

export type Feature = number | string;
export type FeatureCounts = Map<Feature, number>;

const UNIT = 0x10000;
const ANALYZER_UNIT = UNIT * UNIT * UNIT; // 2^48; analyzer index + 1 sits above the characters

function add(counts: FeatureCounts, feature: Feature): void {
  counts.set(feature, (counts.get(feature) ?? 0) + 1);
}

/** Packs up to three characters of `text` starting at `at` with the analyzer number. */
function packed(analyzer: number, text: string, at: number, length: number): number {
  let key = analyzer + 1;
  for (let i = 0; i < length; i++) key = key * UNIT + text.charCodeAt(at + i);
  for (let i = length; i < 3; i++) key *= UNIT;
  return key;
}

const B = ANALYZERS.indexOf("b");
const U = ANALYZERS.indexOf("u");
const P = ANALYZERS.indexOf("p");
const Q = ANALYZERS.indexOf("q");
const J = ANALYZERS.indexOf("j");
const W = ANALYZERS.indexOf("w");

/** Index into ANALYZERS of the analyzer that produced a feature. */
export function analyzerIndexOf(feature: Feature): number {
  return typeof feature === "string" ? W : Math.floor(feature / ANALYZER_UNIT) - 1;
}

/** Feature for a whole (stemmed) word. */
export function wordFeature(key: string): Feature {
  return `w${key}`;
}

/** Feature for a character bigram, for callers that look up a word's own bigrams. */
export function bigramFeature(text: string, at: number): Feature {
  return packed(B, text, at, 2);
}

export function syllableFeature(text: string, at: number): Feature {
  return packed(U, text, at, 1);
}

/** A word reduced to the form the `w` analyzer indexes. */
export function wordKey(word: Word): string {
  if (word.cls === "hangul") return stemKorean(word.text);
  // Naive English plural folding: "skills"/"webhooks" meet "skill"/"webhook".
  if (word.cls === "letter" && word.text.length > 3 && word.text.endsWith("s") && !word.text.endsWith("ss")) {
    return word.text.slice(0, -1);
  }
  return word.text;
}

/** Features of a list of words (already normalised). */
export function analyzeWords(words: readonly Word[], counts: FeatureCounts = new Map()): FeatureCounts {
  let compact = "";
  for (const word of words) {
    compact += word.text;
    add(counts, wordFeature(wordKey(word)));
    if (word.cls === "hangul") {
      add(counts, packed(Q, word.text, 0, 1));
      if (word.text.length >= 2) add(counts, packed(P, word.text, 0, 2));
    }
  }
  for (let i = 0; i + 1 < compact.length; i++) add(counts, packed(B, compact, i, 2));
  for (let i = 0; i < compact.length; i++) {
    if (isHangulSyllable(compact.charCodeAt(i))) add(counts, packed(U, compact, i, 1));
  }
  const jamo = toJamo(compact);
  for (let i = 0; i + 2 < jamo.length; i++) add(counts, packed(J, jamo, i, 3));
  return counts;
}

/**
 * Features that show a document contains this particular query word (exactly, by stem,
 * or through its bigrams); used to count how many of the query's words a document covers.
 */
export function wordSignature(word: Word): Feature[] {
  const out = [wordFeature(wordKey(word))];
  if (word.text.length === 1) {
    if (word.cls === "hangul") out.push(syllableFeature(word.text, 0));
    return out;
  }
  for (let i = 0; i + 1 < word.text.length; i++) out.push(bigramFeature(word.text, i));
  return out;
}

export function analyzeText(text: string): FeatureCounts {
  return analyzeWords(splitWords(normalizeText(text)));
}
