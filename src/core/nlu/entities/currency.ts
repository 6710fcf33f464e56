// sys.unit.currency: money amounts ("5만원", "3,000원", "만 오천 원", "$20", "20달러", "€15").
// Value JSON {"amount":50000,"unit":"KRW"} with an ISO 4217 code. The numeral must be strong
// (digits or a Sino-Korean word with a magnitude: "오천 원" yes, "오 원" no). "¥" is read as JPY.

import { scanNumerals } from "./korean-number.js";
import { endsWord, isLatin } from "./korean-text.js";
import type { EntityValue, Extractor } from "./types.js";

export interface CurrencyResolution {
  amount: number;
  /** ISO 4217 code. */
  unit: string;
}

const SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ["파운드", "GBP"],
  ["달러", "USD"],
  ["유로", "EUR"],
  ["위안", "CNY"],
  ["원", "KRW"],
  ["불", "USD"],
  ["엔", "JPY"],
  ["krw", "KRW"],
  ["usd", "USD"],
  ["eur", "EUR"],
  ["jpy", "JPY"],
  ["cny", "CNY"],
  ["gbp", "GBP"],
  ["won", "KRW"],
];
const PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ["us$", "USD"],
  ["krw", "KRW"],
  ["usd", "USD"],
  ["eur", "EUR"],
  ["jpy", "JPY"],
  ["$", "USD"],
  ["₩", "KRW"],
  ["￦", "KRW"],
  ["€", "EUR"],
  ["¥", "JPY"],
  ["£", "GBP"],
];

function suffixAt(text: string, pos: number): { unit: string; end: number } | null {
  const at = text[pos] === " " ? pos + 1 : pos;
  for (const [word, unit] of SUFFIXES) {
    if (text.slice(at, at + word.length).toLowerCase() !== word) continue;
    const end = at + word.length;
    if (endsWord(text, end)) return { unit, end };
  }
  return null;
}

function prefixBefore(text: string, pos: number): { unit: string; start: number } | null {
  const at = text[pos - 1] === " " ? pos - 1 : pos;
  for (const [sign, unit] of PREFIXES) {
    const start = at - sign.length;
    if (start < 0 || text.slice(start, at).toLowerCase() !== sign) continue;
    // "abcusd 5" is not a prefix; a Latin code must start its word.
    if (isLatin(sign[0]) && isLatin(text[start - 1])) continue;
    return { unit, start };
  }
  return null;
}

export const extractCurrency: Extractor = (text): EntityValue[] => {
  const out: EntityValue[] = [];
  for (const n of scanNumerals(text)) {
    // Bare magnitudes are fine before a currency word ("만 원", "이만원"); other weak forms are not.
    if (!n.strong && n.weakness !== "magnitude") continue;
    const suffix = suffixAt(text, n.end);
    const prefix = suffix === null && n.strong ? prefixBefore(text, n.start) : null;
    if (suffix === null && (prefix === null || !endsWord(text, n.end))) continue;
    const start = prefix?.start ?? n.start;
    const end = suffix?.end ?? n.end;
    const resolved: CurrencyResolution = { amount: n.amount, unit: suffix?.unit ?? prefix?.unit ?? "KRW" };
    out.push({
      entity: "sys.unit.currency",
      origin: text.slice(start, end),
      value: JSON.stringify(resolved),
      resolved,
      start,
      end,
    });
  }
  return out;
};
