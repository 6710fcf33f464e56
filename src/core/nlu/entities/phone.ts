// sys.phone.number: Korean mobile (010-1234-5678, 01012345678, 010 1234 5678, 011-123-4567),
// landlines (02-123-4567, 031-123-4567), 070 and 080 numbers, representative numbers (1588-1234) and the
// +82 forms (+82 10-1234-5678, +82-2-123-4567). Value: the domestic number with dashes
// ("010-1234-5678"); 010 numbers need a 4-digit middle block.

import { type Found, toValues } from "./found.js";
import { isDigit, isLatin, matchAll } from "./korean-text.js";
import type { Extractor } from "./types.js";

export interface PhoneResolution {
  /** Domestic form with dashes, e.g. "010-1234-5678". */
  number: string;
  digits: string;
  /** International form, e.g. "+821012345678". */
  e164: string;
  kind: "mobile" | "landline" | "voip" | "tollfree" | "representative";
}

const SEP = "[-.\\s]?";
const RE_PHONE = new RegExp(
  `(?:(\\+\\s?82${SEP}(?:\\(0\\)\\s?)?0?)|0)(1[016789]|2|[3-6][1-5]|70|80)${SEP}(\\d{3,4})${SEP}(\\d{4})` +
    // Representative numbers only with a dash or none: "1500 2000" is more likely two amounts.
    `|(1[5-9]\\d{2})-?(\\d{4})`,
  "g",
);

export function findPhones(text: string): Found<PhoneResolution>[] {
  const out: Found<PhoneResolution>[] = [];
  for (const m of matchAll(RE_PHONE, text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isDigit(text[start - 1]) || text[start - 1] === "+" || isDigit(text[end]) || isLatin(text[end])) continue;
    let parts: string[];
    let kind: PhoneResolution["kind"];
    if (m[5] !== undefined) {
      parts = [m[5], m[6] ?? ""];
      kind = "representative";
    } else {
      const area = m[2] ?? "";
      parts = [`0${area}`, m[3] ?? "", m[4] ?? ""];
      kind = area.startsWith("1") ? "mobile" : area === "70" ? "voip" : area === "80" ? "tollfree" : "landline";
      // Mobile numbers have a 3-4 digit middle block only for 010/01x; 010 always has 4.
      if (area === "10" && parts[1]?.length !== 4) continue;
    }
    const digits = parts.join("");
    const number = parts.join("-");
    const e164 = kind === "representative" ? `+82${digits}` : `+82${digits.slice(1)}`;
    out.push({ start, end, value: number, resolved: { number, digits, e164, kind } });
  }
  return out;
}

export const extractPhone: Extractor = (text) => toValues("sys.phone.number", text, findPhones(text));
