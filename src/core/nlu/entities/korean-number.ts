// Numerals as Koreans type them: Arabic digits ("1,200", "3.5"), Sino-Korean words ("삼십",
// "이천이십육"), mixtures with magnitude words ("5만", "1억 2천만", "만 오천") and native numerals
// ("세", "스무", "서른다섯"). Many numeral syllables are also ordinary words or particles
// ("이", "오", "세", "네", "만"), so each numeral says whether it is `strong` (safe on its own)
// or weak (needs a counter such as "명" after it, or a reply that consists of it).

import { isDigit, isHangul, isLatin } from "./korean-text.js";

export interface Numeral {
  start: number;
  end: number;
  amount: number;
  strong: boolean;
  /** Starts with an Arabic digit: a number whatever follows it. */
  arabic: boolean;
  /** Read as a native numeral (하나, 세, 스물…) rather than Sino-Korean or digits. */
  native: boolean;
  /**
   * Why a weak numeral is weak: "native" attributive forms (세, 두, 열), a lone Sino "digit"
   * (이, 사, 오), or a bare "magnitude" word (만, 천, 이만, 오만) that is also an ordinary word.
   */
  weakness: "native" | "digit" | "magnitude" | null;
}

const SINO_DIGITS: Readonly<Record<string, number>> = {
  일: 1,
  이: 2,
  삼: 3,
  사: 4,
  오: 5,
  육: 6,
  칠: 7,
  팔: 8,
  구: 9,
};
const SMALL_MAGNITUDES: Readonly<Record<string, number>> = { 십: 10, 백: 100, 천: 1000 };
const BIG_MAGNITUDES: Readonly<Record<string, number>> = { 만: 1e4, 억: 1e8, 조: 1e12 };

const NATIVE_TENS: ReadonlyArray<readonly [string, number]> = [
  ["스물", 20],
  ["스무", 20],
  ["서른", 30],
  ["마흔", 40],
  ["예순", 60],
  ["일흔", 70],
  ["여든", 80],
  ["아흔", 90],
  ["열", 10],
  ["쉰", 50],
];
const NATIVE_ONES: ReadonlyArray<readonly [string, number]> = [
  ["하나", 1],
  ["다섯", 5],
  ["여섯", 6],
  ["일곱", 7],
  ["여덟", 8],
  ["아홉", 9],
  ["둘", 2],
  ["셋", 3],
  ["넷", 4],
  ["한", 1],
  ["두", 2],
  ["세", 3],
  ["네", 4],
];
// Attributive one-syllable forms and bare tens that are also common words ("네" yes, "열" fever).
const WEAK_NATIVE = new Set(["한", "두", "세", "네", "열", "쉰", "스무"]);

// "만", "천", "이만" (that much), "오만" (arrogance): numbers only with a unit after them.
const BARE_MAGNITUDE = /^(?:[일이삼사오육칠팔구]?[만억조]|[십백천만])$/;

const ARABIC = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;

interface Group {
  value: number;
  end: number;
  strong: boolean;
  hasMagnitude: boolean;
}

function arabicAt(text: string, pos: number): { value: number; end: number } | null {
  ARABIC.lastIndex = pos;
  const m = ARABIC.exec(text);
  if (m === null) return null;
  return { value: Number(m[0].replaceAll(",", "")), end: pos + m[0].length };
}

/** A group below 10,000: "3천5백", "이십삼", "1,200", "천". */
function smallGroupAt(text: string, pos: number): Group | null {
  let value = 0;
  let p = pos;
  let lastMagnitude = Number.POSITIVE_INFINITY;
  let found = false;
  let strong = false;
  let hasMagnitude = false;
  for (;;) {
    let digit: number | null = null;
    let q = p;
    const arabic = arabicAt(text, p);
    if (arabic !== null) {
      digit = arabic.value;
      q = arabic.end;
    } else {
      const sino = SINO_DIGITS[text[p] ?? ""];
      if (sino !== undefined) {
        digit = sino;
        q = p + 1;
      }
    }
    const magnitude = SMALL_MAGNITUDES[text[q] ?? ""];
    if (magnitude !== undefined && magnitude < lastMagnitude) {
      value += (digit ?? 1) * magnitude;
      lastMagnitude = magnitude;
      p = q + 1;
      found = true;
      strong = true;
      hasMagnitude = true;
      continue;
    }
    if (digit !== null && (!found || digit < lastMagnitude)) {
      value += digit;
      p = q;
      found = true;
      strong ||= arabic !== null;
    }
    break;
  }
  return found ? { value, end: p, strong, hasMagnitude } : null;
}

/** Groups joined by 만/억/조: "5만", "1억 2천만", "만 오천", "3.5만". */
function sinoArabicAt(text: string, start: number): Group | null {
  let total = 0;
  let pos = start;
  let end = start;
  let strong = false;
  let lastBig = Number.POSITIVE_INFINITY;
  let found = false;
  for (;;) {
    const group = smallGroupAt(text, pos);
    const after = group ? group.end : pos;
    const big = BIG_MAGNITUDES[text[after] ?? ""];
    if (big !== undefined && big < lastBig) {
      total += (group ? group.value : 1) * big;
      lastBig = big;
      found = true;
      strong = true;
      end = after + 1;
      // A following group belongs to this number only if it carries a magnitude itself
      // ("5만 3천" is 53,000; "5만 3명" is not 50,003).
      const next = text[end] === " " ? end + 1 : end;
      const cont = smallGroupAt(text, next);
      const contEnd = cont ? cont.end : next;
      if (cont?.hasMagnitude || (BIG_MAGNITUDES[text[contEnd] ?? ""] ?? 0) > 0) {
        pos = next;
        continue;
      }
      break;
    }
    if (group !== null) {
      total += group.value;
      end = group.end;
      strong ||= group.strong;
      found = true;
    }
    break;
  }
  return found ? { value: total, end, strong, hasMagnitude: lastBig < Number.POSITIVE_INFINITY } : null;
}

function nativeAt(text: string, start: number): Group | null {
  let value = 0;
  let pos = start;
  let words: string[] = [];
  const tens = NATIVE_TENS.find(([w]) => text.startsWith(w, pos));
  if (tens !== undefined) {
    value += tens[1];
    pos += tens[0].length;
    words = [tens[0]];
  }
  const onesPos = tens !== undefined && text[pos] === " " ? pos + 1 : pos;
  const ones = NATIVE_ONES.find(([w]) => text.startsWith(w, onesPos));
  if (ones !== undefined) {
    value += ones[1];
    pos = onesPos + ones[0].length;
    words.push(ones[0]);
  }
  if (words.length === 0) return null;
  const strong = words.length > 1 || !WEAK_NATIVE.has(words[0] ?? "");
  return { value, end: pos, strong, hasMagnitude: false };
}

function startsAt(text: string, i: number): boolean {
  const prev = text[i - 1];
  if (isDigit(text[i])) {
    if (isDigit(prev) || isLatin(prev)) return false;
    if ((prev === "." || prev === ",") && isDigit(text[i - 2])) return false;
    return true;
  }
  return isHangul(text[i]) && !isHangul(prev);
}

/** The longest numeral starting exactly at `i`, or null. */
export function numeralAt(text: string, i: number): Numeral | null {
  if (!startsAt(text, i)) return null;
  const mixed = sinoArabicAt(text, i);
  const native = isHangul(text[i]) ? nativeAt(text, i) : null;
  const useNative = native !== null && (mixed === null || native.end > mixed.end);
  const best = useNative ? native : mixed;
  if (best === null) return null;
  const word = text.slice(i, best.end);
  // "조" and "억" alone are syllables of other words ("조명", "억울"), never numbers.
  if (word === "조" || word === "억") return null;
  let weakness: Numeral["weakness"] = null;
  if (useNative) weakness = best.strong ? null : "native";
  else if (BARE_MAGNITUDE.test(word)) weakness = "magnitude";
  else if (!best.strong) weakness = "digit";
  // Round away float noise from decimals times magnitudes ("1.1만" is 11,000).
  const amount = Math.round(best.value * 1e6) / 1e6;
  return {
    start: i,
    end: best.end,
    amount,
    strong: weakness === null,
    arabic: isDigit(text[i]),
    native: useNative,
    weakness,
  };
}

/** All numerals left to right (weak ones included; callers decide). */
export function scanNumerals(text: string): Numeral[] {
  const out: Numeral[] = [];
  for (let i = 0; i < text.length; ) {
    const n = numeralAt(text, i);
    if (n === null) {
      i++;
      continue;
    }
    out.push(n);
    i = n.end;
  }
  return out;
}

/** The value of a string that is one numeral and nothing else ("스물다섯", "1,200", "삼십"), else null. */
export function parseNumberWord(s: string): number | null {
  const n = numeralAt(s, 0);
  return n !== null && n.end === s.length ? n.amount : null;
}
