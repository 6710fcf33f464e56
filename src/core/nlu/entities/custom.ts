// Custom entities (나의 엔티티): representative entries with synonyms. A match returns the
// representative entry as `value` and the typed words as `origin`.
//
// Korean tolerance: spaces are ignored on both sides ("블루 셔츠" matches the synonym "블루셔츠"
// and the other way round), Latin letters are case-insensitive, and particles or endings may follow
// ("셔츠를", "셔츠는요"). A match must start a word (or follow a change of script, "XL셔츠");
// it may not end inside one ("셔츠걸이" holds no "셔츠"). Longest match wins.

import { compactKey, compactText, endsWord, isHangul, isWordChar, pickLongest, type Span } from "./korean-text.js";
import type { CustomEntityDefinition, EntityValue } from "./types.js";

export interface CustomEntityResolution {
  /** The representative entry. */
  entry: string;
  /** The entry or synonym, as defined, that matched. */
  term: string;
}

interface Term {
  key: string;
  entry: string;
  term: string;
}

interface Candidate extends Span {
  term: Term;
}

function termsOf(def: CustomEntityDefinition): Term[] {
  const out: Term[] = [];
  for (const e of def.entries) {
    for (const term of [e.value, ...e.synonyms]) {
      const key = compactKey(term);
      if (key.length > 0) out.push({ key, entry: e.value, term });
    }
  }
  return out.sort((a, b) => b.key.length - a.key.length);
}

function startsToken(text: string, i: number): boolean {
  const prev = text[i - 1];
  if (!isWordChar(prev)) return true;
  return isHangul(prev) !== isHangul(text[i]);
}

export function extractCustom(def: CustomEntityDefinition, text: string): EntityValue[] {
  const terms = termsOf(def);
  if (terms.length === 0) return [];
  const { compact, origin } = compactText(text);
  const candidates: Candidate[] = [];
  for (let k = 0; k < compact.length; k++) {
    const start = origin[k] ?? 0;
    if (!startsToken(text, start)) continue;
    for (const term of terms) {
      if (!compact.startsWith(term.key, k)) continue;
      const end = (origin[k + term.key.length - 1] ?? start) + 1;
      if (!endsWord(text, end)) continue;
      candidates.push({ start, end, term });
      break;
    }
  }
  return pickLongest(candidates).map((c) => {
    const resolved: CustomEntityResolution = { entry: c.term.entry, term: c.term.term };
    return { entity: def.name, origin: text.slice(c.start, c.end), value: c.term.entry, resolved, start: c.start, end: c.end };
  });
}
