// Text normalisation and word splitting shared by the index, the query side and snippets.
import { isHangulSyllable, isJamoLetter } from "../text/hangul.js";

/** Character classes; a word is a maximal run of one class, so "skill등록" is two words. */
export type CharClass = "sep" | "hangul" | "jamo" | "letter" | "digit";

const LETTER = /\p{L}/u;

export function charClass(code: number): CharClass {
  if (isHangulSyllable(code)) return "hangul";
  if (isJamoLetter(code)) return "jamo";
  if (code >= 0x30 && code <= 0x39) return "digit";
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return "letter";
  if (code < 0x80) return "sep";
  return LETTER.test(String.fromCharCode(code)) ? "letter" : "sep";
}

/**
 * Lower-case, NFC, full-width ASCII folded to ASCII. Keeps the string length per
 * character for precomposed input so offsets can be mapped back for snippets.
 * NFKC is avoided on purpose: it turns the compatibility jamo of a 초성 query
 * ("ㅍㄹㄱㅇ") into conjoining jamo.
 */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0).toLowerCase();
  return ch.toLowerCase();
}

export function normalizeText(text: string): string {
  const nfc = text.normalize("NFC");
  let out = "";
  for (const ch of nfc) out += foldChar(ch);
  return out;
}

export interface Word {
  text: string;
  cls: CharClass;
}

/** Words of an already normalised string. */
export function splitWords(normalized: string): Word[] {
  const words: Word[] = [];
  let start = -1;
  let cls: CharClass = "sep";
  for (let i = 0; i <= normalized.length; i++) {
    const c: CharClass = i < normalized.length ? charClass(normalized.charCodeAt(i)) : "sep";
    if (c === cls) continue;
    if (cls !== "sep") words.push({ text: normalized.slice(start, i), cls });
    cls = c;
    start = i;
  }
  return words;
}
