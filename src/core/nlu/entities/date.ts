// sys.date: absolute and relative Korean dates, resolved in the bot's timezone.
//
// Rules (see also the table in index.ts):
// - A day or month-day without a year takes the missing parts from today ("3월 5일" is this
//   year's March 5th, "10일" this month's 10th), whether or not that is in the past.
// - A bare weekday ("금요일", "오는 금요일") is the next such day strictly after today (1–7 days ahead).
// - "이번 주/다음 주/지난 주 X요일" use Monday-to-Sunday weeks, so "이번 주 월요일" may be past.
// - Impossible dates ("2월 30일", "13월 5일") produce nothing; they also block a shorter reading
//   ("30일" alone) of the same words.
// - Dates marked lunar ("음력 3월 5일") are not sys.date (the platform has sys.date.lunar).

import { DateTime } from "luxon";
import { parseNumberWord } from "./korean-number.js";
import { endsWord, hangulWordStart, isDigit, matchAll, pickLongest, type Span } from "./korean-text.js";
import type { EntityValue, ExtractionContext, Extractor } from "./types.js";

export interface DateResolution {
  /** English tag of a named relative day or weekday ("tomorrow", "Friday"), else null. */
  dateTag: string | null;
  /** Relative head word without spaces ("다음주", "다음달", "내년"), else null. */
  dateHeadword: string | null;
  /** Parts the user stated explicitly (null when derived from today). */
  year: number | null;
  month: number | null;
  day: number | null;
  /** The resolved calendar date, YYYY-MM-DD. */
  date: string;
  /** How the date was derived, in botcenter's own notation (null for absolute dates). */
  polynomial: string | null;
  calendar_type: "solar";
}

export interface DateMatch extends Span {
  resolved: DateResolution;
}

interface Candidate extends Span {
  /** null: the words form a date expression but not a real date; it still blocks shorter readings. */
  resolved: DateResolution | null;
}

const WEEKDAYS = "월화수목금토일";
const WEEKDAY_TAGS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** Today's date in the context timezone (UTC if the zone is unknown). */
export function zonedNow(ctx: ExtractionContext): DateTime {
  const local = DateTime.fromJSDate(ctx.now, { zone: ctx.timezone });
  return local.isValid ? local : DateTime.fromJSDate(ctx.now, { zone: "utc" });
}

const NUM = "(\\d{1,2}|[일이삼사오육칠팔구십]{1,4})";
const MONTH = "(\\d{1,2}|[일이삼사오육칠팔구십]{1,3}|시|유)";
const WEEKDAY_SUFFIX = "(?:\\s*(?:[월화수목금토일](?:요일|욜)|\\(\\s*[월화수목금토일](?:요일)?\\s*\\)))?";

const RE_ISO = /(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})(?!\d)\.?/g;
const RE_YMD = new RegExp(
  `(?:(\\d{4}|\\d{2}|[일이삼사오육칠팔구십천백]{2,7})\\s*년\\s*|(올해|금년|내년|명년|작년|재작년|내후년)\\s*)?${MONTH}\\s*월\\s*${NUM}\\s*일${WEEKDAY_SUFFIX}`,
  "g",
);
const RE_SLASH = /(\d{1,2})\/(\d{1,2})(?![\d/])/g;
const RE_MONTH_REL_DAY = new RegExp(
  `(다다음\\s*달|다음\\s*달|담달|이번\\s*달|이달|지난\\s*달|저번\\s*달)\\s*${NUM}\\s*일${WEEKDAY_SUFFIX}`,
  "g",
);
const RE_DAY = /(\d{1,2})\s*일(?!\s*(?:뒤|후|전|이후|동안|간|째|마다|이내|내로|안에|이상|이하|치|분|요일))/g;
const RE_OFFSET =
  /(\d{1,3}|[일이삼사오육칠팔구십백한두세네다섯여섯일곱여덟아홉열스무스물서른]{1,4})\s*(주일|개월|일|주|달|년)\s*(뒤|후|전|이후|지나서)/g;
const RE_DAY_WORD_OFFSET = /(하루|이틀|사흘|나흘|닷새|엿새|이레|여드레|아흐레|열흘|보름)\s*(뒤|후|전|이후|지나서)/g;
const RE_NAMED = /(내일\s*모레|낼\s*모레|오늘|금일|당일|내일|명일|낼|모레|그글피|글피|어제|어저께|그제|그저께)/g;
const RE_WEEK_WEEKDAY = /(이번|금주|다다음|다음|담|차|지지난|지난|저번)\s*주\s*(?:의\s*)?([월화수목금토일])(?:요일|욜)/g;
const RE_WEEKDAY = /(오는\s*)?([월화수목금토일])(?:요일|욜)/g;

const NAMED_DAYS: Readonly<Record<string, readonly [number, string]>> = {
  오늘: [0, "today"],
  금일: [0, "today"],
  당일: [0, "today"],
  내일: [1, "tomorrow"],
  명일: [1, "tomorrow"],
  낼: [1, "tomorrow"],
  모레: [2, "dayAfterTomorrow"],
  내일모레: [2, "dayAfterTomorrow"],
  낼모레: [2, "dayAfterTomorrow"],
  글피: [3, "threeDaysLater"],
  그글피: [4, "fourDaysLater"],
  어제: [-1, "yesterday"],
  어저께: [-1, "yesterday"],
  그제: [-2, "dayBeforeYesterday"],
  그저께: [-2, "dayBeforeYesterday"],
};
const DAY_WORDS: Readonly<Record<string, number>> = {
  하루: 1,
  이틀: 2,
  사흘: 3,
  나흘: 4,
  닷새: 5,
  엿새: 6,
  이레: 7,
  여드레: 8,
  아흐레: 9,
  열흘: 10,
  보름: 15,
};
const WEEK_HEADS: Readonly<Record<string, readonly [number, string]>> = {
  이번: [0, "이번주"],
  금주: [0, "이번주"],
  다음: [1, "다음주"],
  담: [1, "다음주"],
  차: [1, "다음주"],
  다다음: [2, "다다음주"],
  지난: [-1, "지난주"],
  저번: [-1, "지난주"],
  지지난: [-2, "지지난주"],
};
const MONTH_HEADS: Readonly<Record<string, readonly [number, string]>> = {
  다다음달: [2, "다다음달"],
  다음달: [1, "다음달"],
  담달: [1, "다음달"],
  이번달: [0, "이번달"],
  이달: [0, "이번달"],
  지난달: [-1, "지난달"],
  저번달: [-1, "지난달"],
};
const YEAR_HEADS: Readonly<Record<string, number>> = {
  올해: 0,
  금년: 0,
  내년: 1,
  명년: 1,
  작년: -1,
  재작년: -2,
  내후년: 2,
};

function squash(s: string): string {
  return s.replace(/\s+/g, "");
}

function monthNumber(s: string): number | null {
  if (s === "시") return 10;
  if (s === "유") return 6;
  return parseNumberWord(s);
}

/** Whole date values; 2-digit years are 20xx. */
function yearNumber(s: string): number | null {
  const n = parseNumberWord(s);
  if (n === null || !Number.isInteger(n)) return null;
  return n < 100 ? 2000 + n : n;
}

type Fields = Omit<DateResolution, "date" | "calendar_type">;

function result(d: DateTime, fields: Fields): DateResolution | null {
  if (!d.isValid) return null;
  // Key order follows the platform's sys.date JSON.
  return {
    dateTag: fields.dateTag,
    dateHeadword: fields.dateHeadword,
    year: fields.year,
    month: fields.month,
    day: fields.day,
    date: d.toFormat("yyyy-MM-dd"),
    polynomial: fields.polynomial,
    calendar_type: "solar",
  };
}

function calendarDate(today: DateTime, year: number | null, month: number | null, day: number | null): DateTime {
  if (year === null || month === null || day === null || !Number.isInteger(month) || !Number.isInteger(day)) {
    return DateTime.invalid("not a whole date");
  }
  return DateTime.fromObject({ year, month, day }, { zone: today.zone });
}

function absolute(year: number | null, month: number | null, day: number | null): Fields {
  return { dateTag: null, dateHeadword: null, year, month, day, polynomial: null };
}

function relative(polynomial: string, dateTag: string | null = null, dateHeadword: string | null = null): Fields {
  return { dateTag, dateHeadword, year: null, month: null, day: null, polynomial };
}

function plus(n: number): string {
  return n >= 0 ? `+${n}` : String(n);
}

function offset(today: DateTime, n: number | null, unit: "days" | "weeks" | "months" | "years", dir: string) {
  if (n === null || !Number.isInteger(n) || n < 0) return null;
  const signed = dir === "전" ? -n : n;
  const code = { days: "d", weeks: "w", months: "m", years: "y" }[unit];
  const headword = dir === "이후" || dir === "지나서" ? "후" : dir;
  return result(today.plus({ [unit]: signed }), relative(`today()${plus(signed)}${code}`, null, headword));
}

interface Rule {
  re: RegExp;
  /** Where the expression may start; by default not right after a digit. */
  startsOk?: (text: string, i: number) => boolean;
  /** The date, or null when the words form a date expression that is not a real date. */
  read: (m: RegExpExecArray, today: DateTime) => DateResolution | null;
}

const afterNonDigit = (text: string, i: number): boolean => !isDigit(text[i - 1]);
const wordStart = (text: string, i: number): boolean => (isDigit(text[i]) ? !isDigit(text[i - 1]) : hangulWordStart(text, i));

const RULES: readonly Rule[] = [
  {
    re: RE_ISO,
    read: (m, today) => {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return result(calendarDate(today, y, mo, d), absolute(y, mo, d));
    },
  },
  {
    re: RE_YMD,
    read: (m, today) => {
      const headword = m[2] ?? null;
      const year = m[1] !== undefined ? yearNumber(m[1]) : null;
      const month = monthNumber(m[3] ?? "");
      const day = parseNumberWord(m[4] ?? "");
      if (headword === null) return result(calendarDate(today, year ?? today.year, month, day), absolute(year, month, day));
      const shift = YEAR_HEADS[headword] ?? 0;
      return result(calendarDate(today, today.year + shift, month, day), {
        ...absolute(null, month, day),
        dateHeadword: headword === "금년" ? "올해" : headword === "명년" ? "내년" : headword,
        polynomial: `year({${plus(shift)}})+define_date({${month}},{${day}})`,
      });
    },
  },
  {
    re: RE_SLASH,
    startsOk: (text, i) => !isDigit(text[i - 1]) && text[i - 1] !== "/",
    read: (m, today) => {
      const [mo, d] = [Number(m[1]), Number(m[2])];
      return result(calendarDate(today, today.year, mo, d), absolute(null, mo, d));
    },
  },
  {
    re: RE_MONTH_REL_DAY,
    startsOk: hangulWordStart,
    read: (m, today) => {
      const [shift, headword] = MONTH_HEADS[squash(m[1] ?? "")] ?? [0, "이번달"];
      const day = parseNumberWord(m[2] ?? "");
      const base = today.startOf("month").plus({ months: shift });
      return result(calendarDate(today, base.year, base.month, day), {
        ...absolute(null, null, day),
        dateHeadword: headword,
        polynomial: `month({${plus(shift)}})+define_day({${day}})`,
      });
    },
  },
  {
    re: RE_DAY,
    // "2박 3일" is a stay's length, not the 3rd.
    startsOk: (text, i) => !isDigit(text[i - 1]) && !/박\s*$/.test(text.slice(0, i)),
    read: (m, today) => {
      const day = Number(m[1]);
      return result(calendarDate(today, today.year, today.month, day), absolute(null, null, day));
    },
  },
  {
    re: RE_OFFSET,
    startsOk: wordStart,
    read: (m, today) => {
      const word = m[2] ?? "";
      const unit = word === "일" ? "days" : word === "주" || word === "주일" ? "weeks" : word === "년" ? "years" : "months";
      return offset(today, parseNumberWord(m[1] ?? ""), unit, m[3] ?? "후");
    },
  },
  {
    re: RE_DAY_WORD_OFFSET,
    startsOk: hangulWordStart,
    read: (m, today) => offset(today, DAY_WORDS[m[1] ?? ""] ?? null, "days", m[2] ?? "후"),
  },
  {
    re: RE_NAMED,
    startsOk: hangulWordStart,
    read: (m, today) => {
      const [shift, tag] = NAMED_DAYS[squash(m[1] ?? "")] ?? [0, "today"];
      return result(today.plus({ days: shift }), relative(shift === 0 ? "today()" : `today()${plus(shift)}d`, tag));
    },
  },
  {
    re: RE_WEEK_WEEKDAY,
    startsOk: hangulWordStart,
    read: (m, today) => {
      const [shift, headword] = WEEK_HEADS[m[1] ?? ""] ?? [0, "이번주"];
      const weekday = WEEKDAYS.indexOf(m[2] ?? "");
      const d = today.startOf("week").plus({ weeks: shift, days: weekday });
      return result(d, relative(`week({${plus(shift)}})+define_weekday({${weekday}})`, WEEKDAY_TAGS[weekday] ?? null, headword));
    },
  },
  {
    re: RE_WEEKDAY,
    startsOk: hangulWordStart,
    read: (m, today) => {
      const weekday = WEEKDAYS.indexOf(m[2] ?? "");
      const ahead = (weekday + 1 - today.weekday + 7) % 7 || 7;
      return result(today.plus({ days: ahead }), relative(`define_weekday({${weekday}})`, WEEKDAY_TAGS[weekday] ?? null));
    },
  },
];

function collect(text: string, today: DateTime): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of RULES) {
    const startsOk = rule.startsOk ?? afterNonDigit;
    for (const m of matchAll(rule.re, text)) {
      if (startsOk(text, m.index)) out.push({ start: m.index, end: m.index + m[0].length, resolved: rule.read(m, today) });
    }
  }
  return out;
}

/** Dates in `text`, longest reading first, in text order. */
export function findDates(text: string, ctx: ExtractionContext): DateMatch[] {
  const today = zonedNow(ctx).startOf("day");
  if (!today.isValid) return []; // an invalid injected clock: no relative or absolute dates
  const candidates = collect(text, today)
    .filter((c) => endsWord(text, c.end))
    // A lunar date still claims its words, so "음력 3월 5일" does not fall back to "5일".
    .map((c) => (/음력\s*$/.test(text.slice(0, c.start)) ? { ...c, resolved: null } : c));
  const out: DateMatch[] = [];
  for (const c of pickLongest(candidates)) {
    if (c.resolved !== null) out.push({ start: c.start, end: c.end, resolved: c.resolved });
  }
  return out;
}

export const extractDate: Extractor = (text, ctx): EntityValue[] =>
  findDates(text, ctx).map((d) => ({
    entity: "sys.date",
    origin: text.slice(d.start, d.end),
    value: JSON.stringify(d.resolved),
    resolved: d.resolved,
    start: d.start,
    end: d.end,
  }));
