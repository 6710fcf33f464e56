// 초성 (initial-consonant) view of text: "플러그인 등록" → "ㅍㄹㄱㅇㄷㄹ". A 초성 query is
// matched as a substring of this view, so it also works across spaces.
import { choseongOf } from "../text/hangul.js";
import { normalizeText, splitWords } from "./text.js";

export function choseongView(text: string): string {
  let out = "";
  for (const word of splitWords(normalizeText(text))) {
    for (let i = 0; i < word.text.length; i++) out += choseongOf(word.text.charAt(i));
  }
  return out;
}
