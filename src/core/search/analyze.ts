// Turns text into the weighted features the index scores. Each feature is a string whose
// first character names the analyzer that produced it:
//   b  character bigram of the text with spaces removed (spacing-insensitive, partial words)
//   u  single Hangul syllable (lets a one-syllable query match at all)
//   w  word with its particle/ending removed ("플러그인을" → "플러그인")
//   j  jamo trigram of the text with spaces removed (a one-letter typo breaks few of these)
// 초성 queries are matched separately (see choseong.ts) because they need a different view
// of the documents.
import { toJamo } from "./hangul.js";
import { stemKorean } from "./korean-stem.js";
import { normalizeText, splitWords, type Word } from "./text.js";

export type AnalyzerCode = "b" | "u" | "w" | "j" | "s" | "t" | "p" | "v" | "k" | "x" | "y" | "q" | "o";
export const ANALYZERS: readonly AnalyzerCode[] = ["b", "u", "w", "j", "s", "t", "p", "v", "k", "x", "y", "q", "o"];

export type FeatureCounts = Map<string, number>;

function add(counts: FeatureCounts, feature: string): void {
  counts.set(feature, (counts.get(feature) ?? 0) + 1);
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
  let stems = "";
  for (const word of words) {
    compact += word.text;
    const key = wordKey(word);
    stems += key;
    add(counts, `w${key}`);
    if (word.cls === "hangul" && word.text.length >= 2) add(counts, `p${word.text.slice(0, 2)}`);
    if (word.cls === "hangul") {
      add(counts, `q${word.text.charAt(0)}`);
      const code = word.text.charCodeAt(0);
      add(counts, `o${String.fromCharCode(code - ((code - 0xac00) % 28))}${word.text.length > 1 ? word.text.charAt(1) : ""}`);
    }
  }
  for (let i = 0; i + 1 < stems.length; i++) add(counts, `s${stems.slice(i, i + 2)}`);
  for (let i = 0; i + 2 < compact.length; i++) add(counts, `t${compact.slice(i, i + 3)}`);
  for (let i = 0; i + 1 < compact.length; i++) add(counts, `b${compact.slice(i, i + 2)}`);
  for (let i = 0; i < compact.length; i++) {
    const code = compact.charCodeAt(i);
    if (code >= 0xac00 && code <= 0xd7a3) add(counts, `u${compact.charAt(i)}`);
  }
  let open = "";
  for (let i = 0; i < compact.length; i++) {
    const code = compact.charCodeAt(i);
    open += code >= 0xac00 && code <= 0xd7a3 ? String.fromCharCode(code - ((code - 0xac00) % 28)) : compact.charAt(i);
  }
  for (let i = 0; i + 1 < open.length; i++) add(counts, `v${open.slice(i, i + 2)}`);
  for (let i = 0; i + 2 < compact.length; i++) add(counts, `k${compact.charAt(i)}${compact.charAt(i + 2)}`);
  const jamo = toJamo(compact);
  for (let i = 0; i + 1 < jamo.length; i++) add(counts, `x${jamo.slice(i, i + 2)}`);
  for (let i = 0; i + 3 < jamo.length; i++) add(counts, `y${jamo.slice(i, i + 4)}`);
  for (let i = 0; i + 2 < jamo.length; i++) add(counts, `j${jamo.slice(i, i + 3)}`);
  return counts;
}

/**
 * Features that show a document contains this particular query word (exactly, by stem,
 * or through most of its bigrams); used to count how many of the query's words a
 * document covers.
 */
export function wordSignature(word: Word): string[] {
  const out = [`w${wordKey(word)}`];
  if (word.text.length === 1) {
    if (word.cls === "hangul") out.push(`u${word.text}`);
    return out;
  }
  for (let i = 0; i + 1 < word.text.length; i++) out.push(`b${word.text.slice(i, i + 2)}`);
  return out;
}

export function analyzeText(text: string): FeatureCounts {
  return analyzeWords(splitWords(normalizeText(text)));
}
