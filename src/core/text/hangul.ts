// Arithmetic Hangul decomposition, shared by the matcher and the search index. Both decompose
// every character they see, so this avoids per-call allocations of a general-purpose library; the
// result matches es-hangul's `getChoseong` / `disassemble` for precomposed syllables.

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const MEDIALS = 21;
const FINALS = 28;

const INITIAL_JAMO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
// Compound vowels and final clusters are split into their basic letters, so a typo in
// one stroke ("ㅘ" typed as "ㅗ") still shares most letters with the intended syllable.
const MEDIAL_JAMO = [
  "ㅏ",
  "ㅐ",
  "ㅑ",
  "ㅒ",
  "ㅓ",
  "ㅔ",
  "ㅕ",
  "ㅖ",
  "ㅗ",
  "ㅗㅏ",
  "ㅗㅐ",
  "ㅗㅣ",
  "ㅛ",
  "ㅜ",
  "ㅜㅓ",
  "ㅜㅔ",
  "ㅜㅣ",
  "ㅠ",
  "ㅡ",
  "ㅡㅣ",
  "ㅣ",
];
const FINAL_JAMO = [
  "",
  "ㄱ",
  "ㄲ",
  "ㄱㅅ",
  "ㄴ",
  "ㄴㅈ",
  "ㄴㅎ",
  "ㄷ",
  "ㄹ",
  "ㄹㄱ",
  "ㄹㅁ",
  "ㄹㅂ",
  "ㄹㅅ",
  "ㄹㅌ",
  "ㄹㅍ",
  "ㄹㅎ",
  "ㅁ",
  "ㅂ",
  "ㅂㅅ",
  "ㅅ",
  "ㅆ",
  "ㅇ",
  "ㅈ",
  "ㅊ",
  "ㅋ",
  "ㅌ",
  "ㅍ",
  "ㅎ",
];

/** Compound letters typed on their own ("ㄳ", "ㅘ"), split like the ones inside syllables. */
const COMPOUND_JAMO = new Map<string, string>([
  ["ㄳ", "ㄱㅅ"],
  ["ㄵ", "ㄴㅈ"],
  ["ㄶ", "ㄴㅎ"],
  ["ㄺ", "ㄹㄱ"],
  ["ㄻ", "ㄹㅁ"],
  ["ㄼ", "ㄹㅂ"],
  ["ㄽ", "ㄹㅅ"],
  ["ㄾ", "ㄹㅌ"],
  ["ㄿ", "ㄹㅍ"],
  ["ㅀ", "ㄹㅎ"],
  ["ㅄ", "ㅂㅅ"],
  ["ㅘ", "ㅗㅏ"],
  ["ㅙ", "ㅗㅐ"],
  ["ㅚ", "ㅗㅣ"],
  ["ㅝ", "ㅜㅓ"],
  ["ㅞ", "ㅜㅔ"],
  ["ㅟ", "ㅜㅣ"],
  ["ㅢ", "ㅡㅣ"],
]);

export function isHangulSyllable(code: number): boolean {
  return code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST;
}

/** Compatibility consonant letters ㄱ..ㅎ, the ones people type for 초성 search. */
export function isConsonantLetter(code: number): boolean {
  return code >= 0x3131 && code <= 0x314e;
}

/** Any compatibility jamo letter (consonant or vowel), e.g. a half-typed "플러그ㅇ". */
export function isJamoLetter(code: number): boolean {
  return code >= 0x3131 && code <= 0x3163;
}

/** The initial consonant of a syllable, or the character itself when it is not one. */
export function choseongOf(ch: string): string {
  const code = ch.charCodeAt(0);
  if (!isHangulSyllable(code)) return ch;
  return INITIAL_JAMO.charAt(Math.floor((code - SYLLABLE_FIRST) / (MEDIALS * FINALS)));
}

/** Letters of a string with syllables (and compound letters) split into basic jamo; other characters pass through. */
export function toJamo(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isHangulSyllable(code)) {
      const ch = text.charAt(i);
      out += COMPOUND_JAMO.get(ch) ?? ch;
      continue;
    }
    const offset = code - SYLLABLE_FIRST;
    const initial = Math.floor(offset / (MEDIALS * FINALS));
    const medial = Math.floor((offset % (MEDIALS * FINALS)) / FINALS);
    const final = offset % FINALS;
    out += INITIAL_JAMO.charAt(initial) + (MEDIAL_JAMO[medial] ?? "") + (FINAL_JAMO[final] ?? "");
  }
  return out;
}

/** True when every character is a consonant letter: the query is a 초성 abbreviation. */
export function isChoseongWord(word: string): boolean {
  if (word.length < 2) return false;
  for (let i = 0; i < word.length; i++) if (!isConsonantLetter(word.charCodeAt(i))) return false;
  return true;
}
