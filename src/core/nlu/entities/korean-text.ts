// Character classes, token boundaries and particle tails shared by the entity extractors.
// Korean attaches particles and endings directly to a word ("서울에서", "3명이요"), so a match
// is accepted when the rest of its whitespace-delimited token is made only of such tails.

export function isHangul(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x3131 && c <= 0x318e);
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

export function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z"));
}

export function isWordChar(ch: string | undefined): boolean {
  return isHangul(ch) || isDigit(ch) || isLatin(ch);
}

/** True when a Hangul word may start at `i`: start of text or after a non-Hangul character. */
export function hangulWordStart(text: string, i: number): boolean {
  return !isHangul(text[i - 1]);
}

// Particles (조사), copula endings and a few softeners that may follow a noun inside one token.
// They may stack ("에서는", "까지요"), see particleTailEnd.
const TAILS = [
  "이에요",
  "입니다",
  "인데요",
  "이었어요",
  "였어요",
  "에서",
  "에게",
  "한테",
  "께서",
  "으로",
  "이랑",
  "하고",
  "까지",
  "부터",
  "보다",
  "처럼",
  "이나",
  "이든",
  "이요",
  "예요",
  "에요",
  "이다",
  "인데",
  "이고",
  "이면",
  "이라",
  "라고",
  "정도",
  "짜리",
  "말고",
  "밖에",
  "이라도",
  "라도",
  "쯤",
  "씩",
  "뿐",
  "째",
  "경",
  "이",
  "가",
  "을",
  "를",
  "은",
  "는",
  "의",
  "에",
  "께",
  "로",
  "와",
  "과",
  "랑",
  "도",
  "만",
  "나",
  "든",
  "요",
  "야",
  "다",
  "고",
  "면",
  "라",
  "죠",
  "임",
].sort((a, b) => b.length - a.length);

/** True when `s` is a (possibly empty) sequence of particles/endings, e.g. "에서는", "이요". */
export function isParticleTail(s: string): boolean {
  if (s.length > 8) return false;
  let i = 0;
  let steps = 0;
  while (i < s.length) {
    const tail = TAILS.find((t) => s.startsWith(t, i));
    if (tail === undefined || ++steps > 3) return false;
    i += tail.length;
  }
  return true;
}

/**
 * If the Hangul run starting at `pos` is empty or made of particles, returns the index after it;
 * otherwise -1. Used to reject "부산하다" while accepting "부산에서".
 */
export function particleTailEnd(text: string, pos: number): number {
  let j = pos;
  while (j < text.length && isHangul(text[j])) j++;
  return isParticleTail(text.slice(pos, j)) ? j : -1;
}

/** A match ending at `end` is a whole word: the token continues only with particles (or not at all). */
export function endsWord(text: string, end: number): boolean {
  const last = text[end - 1];
  const next = text[end];
  if (next === undefined) return true;
  if (isHangul(next)) return particleTailEnd(text, end) >= 0;
  if (isDigit(last) && isDigit(next)) return false;
  if (isLatin(last) && (isLatin(next) || isDigit(next))) return false;
  return true;
}

export interface Span {
  start: number;
  end: number;
}

/** Longest match wins among overlapping candidates; earlier start breaks ties. Result in text order. */
export function pickLongest<T extends Span>(candidates: readonly T[]): T[] {
  const ordered = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: T[] = [];
  for (const c of ordered) {
    if (c.end <= c.start) continue;
    if (chosen.some((k) => c.start < k.end && k.start < c.end)) continue;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Spaces removed and Latin lower-cased, with a map from each kept character to its original index. */
export interface CompactText {
  compact: string;
  origin: number[];
}

export function compactText(text: string): CompactText {
  let compact = "";
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    if (/\s/.test(ch)) continue;
    compact += ch.toLowerCase();
    origin.push(i);
  }
  return { compact, origin };
}

export function compactKey(s: string): string {
  return s.normalize("NFC").replace(/\s+/g, "").toLowerCase();
}

/** Global regex matches with their offsets (regex must have the g flag). */
export function* matchAll(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}
