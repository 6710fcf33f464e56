// sys.location: Korean regions, cities, districts and well-known areas ("서울", "부산",
// "강남구", "경기도 수원시", "제주"). Adjacent names separated by spaces form one location
// ("서울 강남구"). As on the platform the value is the text as typed (origin == value); the
// resolved object lists the official names. A station suffix is accepted ("강남역").

import { endsWord, hangulWordStart, type Span } from "./korean-text.js";
import { PLACE_ALIASES, type Place, type PlaceAlias } from "./location-data.js";
import type { EntityValue, Extractor } from "./types.js";

export interface LocationPart extends Place {
  /** The words as typed. */
  input: string;
}

export interface LocationResolution {
  name: string;
  parts: LocationPart[];
}

interface PartMatch extends Span {
  alias: PlaceAlias;
}

function partAt(text: string, i: number): PartMatch | null {
  for (const alias of PLACE_ALIASES) {
    if (!text.startsWith(alias.alias, i)) continue;
    const base = i + alias.alias.length;
    // A station ("강남역") or, for neighbourhoods, 동 ("역삼동") may follow the name.
    const next = text[base];
    const suffixed = next === "역" || (next === "동" && alias.place.kind === "place") ? base + 1 : base;
    if (suffixed > base && endsWord(text, suffixed)) return { start: i, end: suffixed, alias };
    if (endsWord(text, base)) return { start: i, end: base, alias };
  }
  return null;
}

function findParts(text: string): PartMatch[] {
  const out: PartMatch[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!hangulWordStart(text, i)) continue;
    const part = partAt(text, i);
    if (part === null) continue;
    out.push(part);
    i = part.end - 1;
  }
  return out;
}

export const extractLocation: Extractor = (text, _ctx, opts): EntityValue[] => {
  const groups: PartMatch[][] = [];
  for (const part of findParts(text)) {
    const last = groups.at(-1);
    const prev = last?.at(-1);
    if (last !== undefined && prev !== undefined && /^\s+$/.test(text.slice(prev.end, part.start))) last.push(part);
    else groups.push([part]);
  }
  const out: EntityValue[] = [];
  for (const group of groups) {
    const first = group[0];
    const last = group.at(-1);
    if (first === undefined || last === undefined) continue;
    const origin = text.slice(first.start, last.end);
    const wholeReply = opts.reply && text.trim() === origin;
    if (group.length === 1 && first.alias.weak && !wholeReply) continue;
    const resolved: LocationResolution = {
      name: group.map((p) => p.alias.place.name).join(" "),
      parts: group.map((p) => ({ ...p.alias.place, input: text.slice(p.start, p.end) })),
    };
    out.push({
      entity: "sys.location",
      origin,
      value: origin,
      resolved,
      start: first.start,
      end: last.end,
    });
  }
  return out;
};
