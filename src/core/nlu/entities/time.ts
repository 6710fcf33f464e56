// sys.time: clock times as Koreans write them ("오후 3시", "3시 반", "15:30", "아침 9시", "정오").
//
// Rules (see also the table in index.ts):
// - A period word fixes the half of the day: 오전/아침/새벽/am → AM, 오후/pm → PM, 점심/낮 →
//   10–12 as is and 1–9 PM, 저녁 → PM (저녁 12시 = 00:00), 밤 → 6–11 PM, 12 = 00:00, 1–5 AM.
//   오전 12시 is 00:00 and 오후 12시 is 12:00.
// - A period word with a 24-hour clock ("오후 15시", "오전 13시") is a contradiction: no time.
// - Without a period word, 0 and 13–24 are unambiguous (24시 = 00:00). 1–12 are ambiguous and read
//   as business hours: 1–8 → PM, 9–11 → AM, 12 → noon; `ambiguous` is true and `alternatives`
//   holds both readings so a dialog can confirm. A zero-padded "08:00" is taken as written.
// - "3시간" (a duration) and "30분" alone are not times. "N분 전" (N minutes to) is not interpreted.

import { parseNumberWord } from "./korean-number.js";
import { endsWord, hangulWordStart, isDigit, matchAll, pickLongest, type Span } from "./korean-text.js";
import type { EntityValue, Extractor } from "./types.js";

export interface TimeResolution {
  /** Half of the day of the resolved time. */
  timeTag: "am" | "pm";
  /** Period word as typed (오후, 아침, PM…), else null. */
  timeHeadword: string | null;
  hour: number;
  minute: number;
  second: number;
  /** HH:MM:SS, 24-hour clock. */
  time: string;
  /** True when no period word or 24-hour hour settled AM/PM; `time` is then the business-hours guess. */
  ambiguous: boolean;
  /** For ambiguous times both readings, the guess first. */
  alternatives: string[];
}

export interface TimeMatch extends Span {
  resolved: TimeResolution;
}

const PERIOD = "(오전|오후|아침|점심|낮|저녁|밤|새벽|a\\.?m\\.?|p\\.?m\\.?)";
const HOUR = "(\\d{1,2}|열두|열한|열|한|두|세|네|다섯|여섯|일곱|여덟|아홉)";
const SINO = "(\\d{1,2}|[일이삼사오육칠팔구십]{1,4})";

const RE_KOREAN = new RegExp(`(?:${PERIOD}\\s*)?${HOUR}\\s*시(?:\\s*(?:(반)|${SINO}\\s*분(?:\\s*${SINO}\\s*초)?))?(?:\\s*정각)?`, "gi");
const RE_COLON = new RegExp(`(?:${PERIOD}\\s*)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?!\\d)(?:\\s*(a\\.?m\\.?|p\\.?m\\.?)(?![a-z]))?`, "gi");
const RE_ENGLISH = /(\d{1,2})\s*(a\.?m\.?|p\.?m\.?)(?![a-z])/gi;
const RE_NAMED = /(정오|자정)/g;

interface Candidate extends Span {
  resolved: TimeResolution | null;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function clock(h: number, m: number, s: number): string {
  return `${pad(h)}:${pad(m)}:${pad(s)}`;
}

function periodKind(period: string): "am" | "pm" | "lunch" | "evening" | "night" {
  const p = period.toLowerCase().replaceAll(".", "");
  if (p === "오전" || p === "아침" || p === "새벽" || p === "am") return "am";
  if (p === "점심" || p === "낮") return "lunch";
  if (p === "저녁") return "evening";
  if (p === "밤") return "night";
  return "pm";
}

/** 24-hour hour for `h` under `period`, or null when they contradict. */
function withPeriod(period: string, h: number): number | null {
  if (h < 0 || h > 12) return null;
  switch (periodKind(period)) {
    case "am":
      return h === 12 ? 0 : h;
    case "pm":
      return h === 12 ? 12 : h + 12;
    case "lunch":
      return h >= 10 ? h : h + 12;
    case "evening":
      return h === 12 ? 0 : h + 12;
    case "night":
      return h === 12 ? 0 : h <= 5 ? h : h + 12;
  }
}

function resolve(
  period: string | null,
  hour: number | null,
  minute: number | null,
  second: number | null,
  zeroPadded: boolean,
): TimeResolution | null {
  if (hour === null || minute === null || second === null) return null;
  if (![hour, minute, second].every(Number.isInteger)) return null;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  let h: number;
  let ambiguous = false;
  let alternatives: string[] = [];
  if (period !== null) {
    const resolved = withPeriod(period, hour);
    if (resolved === null) return null;
    h = resolved;
  } else if (hour > 24) {
    return null;
  } else if (hour === 0 || hour >= 13 || zeroPadded) {
    h = hour === 24 ? 0 : hour;
  } else {
    h = hour === 12 ? 12 : hour <= 8 ? hour + 12 : hour;
    ambiguous = true;
    const other = hour === 12 ? 0 : h >= 12 ? h - 12 : h + 12;
    alternatives = [clock(h, minute, second), clock(other, minute, second)];
  }
  return {
    timeTag: h < 12 ? "am" : "pm",
    timeHeadword: period,
    hour: h,
    minute,
    second,
    time: clock(h, minute, second),
    ambiguous,
    alternatives,
  };
}

function hourNumber(s: string): number | null {
  return /^\d+$/.test(s) ? Number(s) : parseNumberWord(s);
}

function startsWord(text: string, i: number): boolean {
  return isDigit(text[i]) ? !isDigit(text[i - 1]) && text[i - 1] !== ":" : hangulWordStart(text, i) && !/[a-z]/i.test(text[i - 1] ?? "");
}

function collect(text: string): Candidate[] {
  const out: Candidate[] = [];
  const add = (m: RegExpExecArray, resolved: TimeResolution | null): void => {
    if (startsWord(text, m.index)) out.push({ start: m.index, end: m.index + m[0].length, resolved });
  };
  for (const m of matchAll(RE_KOREAN, text)) {
    const period = m[1] ?? null;
    const minute = m[3] !== undefined ? 30 : m[4] !== undefined ? parseNumberWord(m[4]) : 0;
    const second = m[5] !== undefined ? parseNumberWord(m[5]) : 0;
    add(m, resolve(period, hourNumber(m[2] ?? ""), minute, second, false));
  }
  for (const m of matchAll(RE_COLON, text)) {
    if (text[m.index + m[0].length] === ":") continue;
    const period = m[1] ?? m[5] ?? null;
    if (m[1] !== undefined && m[5] !== undefined) {
      add(m, null);
      continue;
    }
    const hourText = m[2] ?? "";
    const second = m[4] !== undefined ? Number(m[4]) : 0;
    add(m, resolve(period, Number(hourText), Number(m[3]), second, hourText.length === 2 && hourText.startsWith("0")));
  }
  for (const m of matchAll(RE_ENGLISH, text)) {
    add(m, resolve(m[2] ?? null, Number(m[1]), 0, 0, false));
  }
  for (const m of matchAll(RE_NAMED, text)) {
    add(m, resolve(null, m[1] === "정오" ? 12 : 0, 0, 0, true));
  }
  return out;
}

/** Clock times in `text`, longest reading first, in text order. */
export function findTimes(text: string): TimeMatch[] {
  const candidates = collect(text).filter((c) => endsWord(text, c.end));
  const out: TimeMatch[] = [];
  for (const c of pickLongest(candidates)) {
    if (c.resolved !== null) out.push({ start: c.start, end: c.end, resolved: c.resolved });
  }
  return out;
}

export const extractTime: Extractor = (text): EntityValue[] =>
  findTimes(text).map((t) => ({
    entity: "sys.time",
    origin: text.slice(t.start, t.end),
    value: JSON.stringify(t.resolved),
    resolved: t.resolved,
    start: t.start,
    end: t.end,
  }));
