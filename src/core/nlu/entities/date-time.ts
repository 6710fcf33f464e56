// sys.date.time: a date immediately followed by a clock time ("내일 오후 3시", "3월 5일 15:30",
// "2026-03-05T15:30"), or a time offset from now ("30분 뒤", "2시간 후", "1시간 반 뒤").
// A time without a date (or a date without a time) is not a sys.date.time: the dialog can ask
// for the missing half with sys.date / sys.time parameters instead.

import { type DateResolution, findDates, zonedNow } from "./date.js";
import { parseNumberWord } from "./korean-number.js";
import { endsWord, hangulWordStart, isDigit, matchAll, pickLongest, type Span } from "./korean-text.js";
import { findTimes, type TimeResolution } from "./time.js";
import type { EntityValue, ExtractionContext, Extractor } from "./types.js";

export interface DateTimeResolution extends DateResolution, TimeResolution {
  /** Local date and time in the bot's timezone, YYYY-MM-DDTHH:MM:SS (as sys.plugin.datetime). */
  dateTime: string;
}

interface DateTimeMatch extends Span {
  resolved: DateTimeResolution;
}

// What may stand between the date and the time: spaces, a particle, a comma or ISO's "T".
const JOINER = /^(?:\s*|\s*[은는에의,]\s+|T)$/;

const RE_TIME_OFFSET =
  /(\d{1,3}|[일이삼사오육칠팔구십한두세네다섯여섯일곱여덟아홉열스무스물]{1,4})\s*(시간|분)(?:\s*(반))?\s*(뒤|후|전|이후|있다가)/g;

function combine(date: DateResolution, time: TimeResolution): DateTimeResolution {
  return { ...date, ...time, dateTime: `${date.date}T${time.time}` };
}

/** "30분 뒤", "2시간 후": offsets from now. */
export function findTimeOffsets(text: string, ctx: ExtractionContext): DateTimeMatch[] {
  const now = zonedNow(ctx).startOf("second");
  const out: DateTimeMatch[] = [];
  if (!now.isValid) return out;
  for (const m of matchAll(RE_TIME_OFFSET, text)) {
    const start = m.index;
    if (isDigit(text[start - 1]) || (!isDigit(text[start]) && !hangulWordStart(text, start))) continue;
    const n = parseNumberWord(m[1] ?? "");
    if (n === null || n < 0 || n > 10_000) continue;
    const minutes = (m[2] === "시간" ? n * 60 : n) + (m[3] !== undefined && m[2] === "시간" ? 30 : 0);
    const signed = m[4] === "전" ? -minutes : minutes;
    const at = now.plus({ minutes: signed });
    const h = at.hour;
    out.push({
      start,
      end: start + m[0].length,
      resolved: {
        dateTag: null,
        dateHeadword: null,
        year: null,
        month: null,
        day: null,
        date: at.toFormat("yyyy-MM-dd"),
        polynomial: `now()${signed >= 0 ? "+" : ""}${signed}min`,
        calendar_type: "solar",
        timeTag: h < 12 ? "am" : "pm",
        timeHeadword: null,
        hour: h,
        minute: at.minute,
        second: at.second,
        time: at.toFormat("HH:mm:ss"),
        ambiguous: false,
        alternatives: [],
        dateTime: at.toFormat("yyyy-MM-dd'T'HH:mm:ss"),
      },
    });
  }
  return out;
}

export function findDateTimes(text: string, ctx: ExtractionContext): DateTimeMatch[] {
  const dates = findDates(text, ctx);
  const times = findTimes(text);
  const candidates: DateTimeMatch[] = [];
  for (const d of dates) {
    const t = times.find((x) => x.start >= d.end && JOINER.test(text.slice(d.end, x.start)));
    if (t !== undefined) candidates.push({ start: d.start, end: t.end, resolved: combine(d.resolved, t.resolved) });
  }
  for (const r of findTimeOffsets(text, ctx)) if (endsWord(text, r.end)) candidates.push(r);
  return pickLongest(candidates);
}

export const extractDateTime: Extractor = (text, ctx): EntityValue[] =>
  findDateTimes(text, ctx).map((m) => ({
    entity: "sys.date.time",
    origin: text.slice(m.start, m.end),
    value: JSON.stringify(m.resolved),
    resolved: m.resolved,
    start: m.start,
    end: m.end,
  }));
