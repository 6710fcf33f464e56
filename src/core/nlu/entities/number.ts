// sys.number: a count or amount with its counter word ("3명", "세 명", "스무 개", "1,200", "삼십").
//
// Rules (see also the table in index.ts):
// - Digits are always numbers; the counter after them (명, 개, 잔, 원, kg…) becomes `unit`.
// - Hangul numerals must stand as a word: "천천히", "오늘", "이번" hold no number.
// - Weak numerals count only before a counter or as the whole slot-filling reply ("세"):
//   native 한/두/세/네/열/쉰/스무 before a counter ("세 명", "세명" but not "세대");
//   bare magnitudes 만/천/백/십/이만/오만 only before a spaced counter ("천 명", not "조명");
//   single Sino digits 일/이/삼… never before a counter ("이번", "이 분" are words).
// - Digits that belong to a date, time, phone number, e-mail or URL are not sys.number
//   ("내일 3시에 2명" gives only 2).

import { findDates } from "./date.js";
import { findTimeOffsets } from "./date-time.js";
import { findEmails } from "./email.js";
import { scanNumerals } from "./korean-number.js";
import { endsWord, isParticleTail, type Span } from "./korean-text.js";
import { findPhones } from "./phone.js";
import { findTimes } from "./time.js";
import type { EntityValue, ExtractionContext, Extractor } from "./types.js";
import { findUrls } from "./url.js";

export interface NumberResolution {
  amount: number;
  unit: string | null;
}

// Counter words (단위성 의존 명사) and common units, longest first so "인분" beats "인".
const COUNTERS = [
  "사람",
  "인분",
  "마리",
  "켤레",
  "송이",
  "그릇",
  "접시",
  "개월",
  "시간",
  "주일",
  "퍼센트",
  "프로",
  "달러",
  "유로",
  "위안",
  "킬로",
  "그램",
  "미터",
  "센티",
  "리터",
  "세트",
  "봉지",
  "박스",
  "상자",
  "가지",
  "군데",
  "페이지",
  "호실",
  "학년",
  "명",
  "분",
  "개",
  "잔",
  "병",
  "번",
  "회",
  "차",
  "장",
  "권",
  "대",
  "벌",
  "인",
  "살",
  "세",
  "박",
  "층",
  "호",
  "달",
  "주",
  "년",
  "일",
  "초",
  "원",
  "불",
  "엔",
  "배",
  "등",
  "위",
  "점",
  "팩",
  "통",
  "캔",
  "줄",
  "곳",
  "석",
  "%",
  "kg",
  "km",
  "cm",
  "mm",
  "ml",
  "g",
  "m",
  "l",
].sort((a, b) => b.length - a.length);

function overlapsAny(span: Span, blockers: readonly Span[]): boolean {
  return blockers.some((b) => span.start < b.end && b.start < span.end);
}

// Counters that are safe glued to a weak native numeral ("세명", "두개"). Others form ordinary
// words when glued ("세대" generation, "세차" car wash, "한번" once/try), so they need a space.
const GLUE_SAFE = new Set([
  "명",
  "개",
  "잔",
  "마리",
  "병",
  "그릇",
  "인분",
  "사람",
  "권",
  "벌",
  "켤레",
  "송이",
  "접시",
  "살",
  "가지",
  "박스",
  "상자",
  "세트",
  "봉지",
  "시간",
  "개월",
]);

/**
 * The counter after a numeral. `glue` says whether it may touch the numeral: "any" for digits and
 * strong words, "safe" for weak native numerals ("세명" but not "세대"), "spaced" for bare
 * magnitudes ("천 명" but not "천명", "만 원" but not "조명").
 */
function counterAfter(text: string, pos: number, glue: "any" | "safe" | "spaced"): { unit: string; end: number } | null {
  for (const gap of [0, 1]) {
    if (gap === 1 && text[pos] !== " ") break;
    const at = pos + gap;
    const unit = COUNTERS.find((c) => text.slice(at, at + c.length).toLowerCase() === c);
    if (unit === undefined || !endsWord(text, at + unit.length)) continue;
    if (gap === 0 && (glue === "spaced" || (glue === "safe" && !GLUE_SAFE.has(unit)))) continue;
    return { unit, end: at + unit.length };
  }
  return null;
}

/** Spans of other structured entities whose digits must not be read as plain numbers. */
function structuredSpans(text: string, given: ExtractionContext): Span[] {
  // Only the spans matter here, so a broken injected clock must not unmask dates.
  const ctx = Number.isNaN(given.now.getTime()) ? { ...given, now: new Date(0) } : given;
  return [
    ...findDates(text, ctx),
    ...findTimes(text),
    ...findTimeOffsets(text, ctx),
    ...findPhones(text),
    ...findEmails(text),
    ...findUrls(text),
  ];
}

/** The numeral is the reply, give or take particles and punctuation ("세", "열이요"). "네" is "yes". */
function isWholeReply(text: string, start: number, end: number): boolean {
  if (text.slice(start, end) === "네") return false;
  const rest = text
    .slice(end)
    .replace(/[\s.!?~,]+$/u, "")
    .trim();
  return text.slice(0, start).trim() === "" && isParticleTail(rest);
}

export const extractNumber: Extractor = (text, ctx, opts): EntityValue[] => {
  const numerals = scanNumerals(text);
  if (numerals.length === 0) return [];
  const blockers = structuredSpans(text, ctx);
  const out: EntityValue[] = [];
  for (const n of numerals) {
    // A lone Sino digit ("이", "사", "오") is a number only as a whole reply: with a counter it is
    // usually a word ("이번" this time, "이 분" this person, "사장" boss).
    const glue = n.weakness === "native" ? "safe" : n.weakness === "magnitude" ? "spaced" : "any";
    const counter = n.weakness === "digit" ? null : counterAfter(text, n.end, glue);
    const end = counter?.end ?? n.end;
    if (overlapsAny({ start: n.start, end }, blockers)) continue;
    if (counter === null) {
      if (!n.arabic && !endsWord(text, n.end)) continue;
      if (!n.strong && !(opts.reply && isWholeReply(text, n.start, n.end))) continue;
    }
    const resolved: NumberResolution = { amount: n.amount, unit: counter?.unit ?? null };
    out.push({
      entity: "sys.number",
      origin: text.slice(n.start, end),
      value: JSON.stringify(resolved),
      resolved,
      start: n.start,
      end,
    });
  }
  return out;
};
