// Query-aware snippets. Returns plain text plus highlight ranges; escaping and markup are
// the renderer's job, so nothing here can inject HTML.

import { choseongOf, isChoseongWord } from "../text/hangul.js";
import { wordKey } from "./analyze.js";
import { charClass, foldChar, normalizeText, splitWords } from "./text.js";

export interface Snippet {
  text: string;
  /** Half-open [start, end) ranges into `text`, sorted and non-overlapping. */
  highlights: Array<{ start: number; end: number }>;
}

interface Range {
  start: number;
  end: number;
}

const ELLIPSIS = "…";

/** Terms to look for: the typed words, their stems, and the whole query without spaces. */
function queryTerms(query: string, extraTerms: readonly string[]): { plain: string[]; choseong: string[] } {
  const words = splitWords(normalizeText(query));
  const plain = new Set<string>();
  const choseong: string[] = [];
  const textWords = words.filter((w) => !(w.cls === "jamo" && isChoseongWord(w.text)));
  for (const w of words) if (w.cls === "jamo" && isChoseongWord(w.text)) choseong.push(w.text);
  const single = textWords.length === 1;
  for (const w of textWords) {
    for (const t of [w.text, wordKey(w)]) if (t.length >= 2 || single) plain.add(t);
  }
  if (textWords.length > 1) plain.add(textWords.map((w) => w.text).join(""));
  for (const t of extraTerms) {
    const compact = splitWords(normalizeText(t))
      .map((w) => w.text)
      .join("");
    if (compact.length > 0) plain.add(compact);
  }
  return { plain: [...plain], choseong };
}

function mergeRanges(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Range[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Matches of the query in `text`, ignoring case and spacing, as ranges of `text`. */
export function findMatches(text: string, query: string, extraTerms: readonly string[] = []): Range[] {
  const { plain, choseong } = queryTerms(query, extraTerms);
  // Letters and digits of the text, folded, with their offsets in the original.
  let compact = "";
  let initials = "";
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = foldChar(text.charAt(i));
    if (charClass(ch.charCodeAt(0)) === "sep") continue;
    compact += ch;
    initials += choseongOf(ch);
    offsets.push(i);
  }
  const ranges: Range[] = [];
  const collect = (haystack: string, needle: string): void => {
    if (needle.length === 0) return;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
      ranges.push({ start: offsets[at] ?? 0, end: (offsets[at + needle.length - 1] ?? 0) + 1 });
    }
  };
  for (const term of plain) collect(compact, term);
  for (const term of choseong) collect(initials, term);
  return mergeRanges(ranges);
}

/** Window start that shows the most highlighted characters, with a little lead-in context. */
function bestWindowStart(length: number, ranges: readonly Range[], maxLength: number): number {
  if (ranges.length === 0) return 0;
  const lead = Math.min(20, Math.floor(maxLength / 4));
  let best = 0;
  let bestCovered = -1;
  for (const r of ranges) {
    const start = Math.max(0, Math.min(r.start - lead, length - maxLength));
    const end = start + maxLength;
    let covered = 0;
    for (const o of ranges) covered += Math.max(0, Math.min(o.end, end) - Math.max(o.start, start));
    if (covered > bestCovered) {
      bestCovered = covered;
      best = start;
    }
  }
  return best;
}

/**
 * Snippet of `text` around the best matches for `query`, with highlight ranges.
 * Whitespace runs (newlines included) become single spaces. `extraTerms` lets a caller
 * also highlight terms the search matched for it, e.g. a hit's synonyms.
 */
export function makeSnippet(text: string, query: string, maxLength = 160, extraTerms: readonly string[] = []): Snippet {
  const ranges = findMatches(text, query, extraTerms);
  const budget = Math.max(1, maxLength);
  let start = 0;
  let end = text.length;
  if (text.length > budget) {
    start = bestWindowStart(text.length, ranges, budget);
    end = start + budget;
    // Prefer not to cut a word in half when a space is near.
    if (start > 0) {
      const space = text.slice(start, start + 10).search(/\s/u);
      if (space >= 0 && !ranges.some((r) => r.start < start + space + 1 && r.end > start)) start += space + 1;
    }
    if (end < text.length) {
      const tail = text.slice(Math.max(start, end - 10), end);
      const space = tail.search(/\s\S*$/u);
      if (space >= 0) {
        const cut = end - tail.length + space;
        if (cut > start && !ranges.some((r) => r.start < end && r.end > cut)) end = cut;
      }
    }
  }
  // Copy the window, collapsing whitespace, and remember where each source offset lands.
  let out = start > 0 ? ELLIPSIS : "";
  const mapped = new Map<number, number>();
  let inSpace = false;
  for (let i = start; i < end; i++) {
    const ch = text.charAt(i);
    if (/\s/u.test(ch)) {
      mapped.set(i, out.length);
      if (!inSpace && out.length > 0 && out !== ELLIPSIS) out += " ";
      inSpace = true;
      continue;
    }
    inSpace = false;
    mapped.set(i, out.length);
    out += ch;
  }
  mapped.set(end, out.length);
  out = out.trimEnd();
  const highlights: Range[] = [];
  for (const r of ranges) {
    const s = Math.max(r.start, start);
    const e = Math.min(r.end, end);
    if (e <= s) continue;
    const ms = mapped.get(s);
    const me = mapped.get(e);
    if (ms === undefined || me === undefined) continue;
    const clipped = Math.min(me, out.length);
    if (clipped > ms) highlights.push({ start: ms, end: clipped });
  }
  if (end < text.length) out += ELLIPSIS;
  return { text: out, highlights };
}
