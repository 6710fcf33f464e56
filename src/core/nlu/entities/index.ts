// Entity extraction: system entities (@sys.*) and custom entities (나의 엔티티).
//
// Value formats (EntityValue.value; JSON is stringified, key order as listed). Shapes marked [spec]
// follow the platform (spec §1.6); the others are botcenter's own where the spec is silent.
//
// | entity            | value                                                                 | example origin → value (abridged)                       |
// |-------------------|-----------------------------------------------------------------------|---------------------------------------------------------|
// | sys.number        | [spec] {"amount":n,"unit":counter|null}                                | "세 명" → {"amount":3,"unit":"명"}                     |
// | sys.date          | [spec] {"dateTag","dateHeadword","year","month","day","date",          | "금요일" → {"dateTag":"Friday",…,"date":"2026-03-06",   |
// |                   |  "polynomial","calendar_type":"solar"}                                 |  "polynomial":"define_weekday({4})",…}                  |
// | sys.time          | {"timeTag":"am"|"pm","timeHeadword","hour","minute","second",          | "3시 반" → {"time":"15:30:00","ambiguous":true,         |
// |                   |  "time":"HH:MM:SS","ambiguous","alternatives":[…]}                     |  "alternatives":["15:30:00","03:30:00"],…}              |
// | sys.date.time     | sys.date keys + sys.time keys + "dateTime":"YYYY-MM-DDTHH:MM:SS"       | "내일 오후 3시" → {…,"dateTime":"2026-03-06T15:00:00"}   |
// | sys.phone.number  | plain, domestic form with dashes                                       | "+82 10 1234 5678" → "010-1234-5678"                    |
// | sys.email         | plain, domain lower-cased                                              | "Kim@Example.COM" → "Kim@example.com"                   |
// | sys.url           | plain, as typed (trailing punctuation dropped)                         | "example.co.kr/a" → "example.co.kr/a"                   |
// | sys.unit.currency | {"amount":n,"unit":ISO 4217}                                           | "만 오천 원" → {"amount":15000,"unit":"KRW"}            |
// | sys.location      | [spec] plain, origin == value                                          | "경기도 수원시" → "경기도 수원시"                        |
// | sys.text          | plain, the whole trimmed utterance                                     |                                                         |
// | custom entity     | [spec] plain, the representative entry                                 | "셔츠를" → origin "셔츠", value "티셔츠" (its entry)     |
//
// sys.number's "unit" is the counter word that followed (null if none); sys.date's "polynomial"
// uses botcenter's own notation (define_weekday({0..6}) with 0 = Monday, today()+Nd, week({+1})…).
// Origins never include trailing particles ("내일은" → origin "내일").
//
// Ambiguity rules at a glance (details at the top of each extractor):
// - Dates are computed in ctx.timezone from ctx.now, never the real clock; an unknown zone is UTC.
// - Missing year/month come from today ("3월 5일" = this year); a bare weekday is the next one
//   after today; "이번/다음/지난 주 X요일" use Monday–Sunday weeks.
// - Impossible dates/times yield nothing ("2월 30일", "13월", "25시", "오후 15시").
// - A clock hour without 오전/오후 is guessed as business hours (1–8 PM, 9–11 AM, 12 noon) and
//   flagged `ambiguous` with both `alternatives`.
// - Weak numerals (세, 두, 열, 이…) need a counter or a whole slot-filling reply (parseEntityReply).
// - Extraction never throws; unknown entity names yield [].

import { extractCurrency } from "./currency.js";
import { extractCustom } from "./custom.js";
import { extractDate } from "./date.js";
import { extractDateTime } from "./date-time.js";
import { extractEmail } from "./email.js";
import { extractLocation } from "./location.js";
import { extractNumber } from "./number.js";
import { extractPhone } from "./phone.js";
import { extractText } from "./text.js";
import { extractTime } from "./time.js";
import type { CustomEntityDefinition, EntityValue, ExtractionContext, Extractor, SystemEntityInfo } from "./types.js";
import { extractUrl } from "./url.js";

export type { CurrencyResolution } from "./currency.js";
export type { CustomEntityResolution } from "./custom.js";
export type { DateResolution } from "./date.js";
export type { DateTimeResolution } from "./date-time.js";
export type { EmailResolution } from "./email.js";
export type { LocationResolution } from "./location.js";
export type { NumberResolution } from "./number.js";
export type { PhoneResolution } from "./phone.js";
export type { TimeResolution } from "./time.js";
export type {
  CustomEntityDefinition,
  EntityValue,
  ExtractionContext,
  SystemEntityInfo,
} from "./types.js";
export type { UrlResolution } from "./url.js";

export const SYSTEM_ENTITIES: readonly SystemEntityInfo[] = [
  { name: "sys.number", label: "숫자", example: "3명" },
  { name: "sys.date", label: "날짜", example: "다음 주 월요일" },
  { name: "sys.time", label: "시간", example: "오후 3시" },
  { name: "sys.date.time", label: "날짜와 시간", example: "내일 오후 3시" },
  { name: "sys.phone.number", label: "전화번호", example: "010-1234-5678" },
  { name: "sys.email", label: "이메일", example: "help@example.com" },
  { name: "sys.url", label: "URL", example: "https://example.com" },
  { name: "sys.unit.currency", label: "금액", example: "5만원" },
  { name: "sys.location", label: "지역", example: "서울 강남구" },
  { name: "sys.text", label: "텍스트(발화 전체)", example: "문의 내용을 남겨 주세요" },
];

const EXTRACTORS: Readonly<Record<string, Extractor>> = {
  "sys.number": extractNumber,
  "sys.date": extractDate,
  "sys.time": extractTime,
  "sys.date.time": extractDateTime,
  "sys.phone.number": extractPhone,
  "sys.email": extractEmail,
  "sys.url": extractUrl,
  "sys.unit.currency": extractCurrency,
  "sys.location": extractLocation,
  "sys.text": extractText,
};

/** "@sys.date" and "sys.date" name the same entity. */
function entityName(name: string): string {
  return name.trim().replace(/^@/, "");
}

/** True for the system entities botcenter can extract (SYSTEM_ENTITIES). */
export function isSystemEntity(name: string): boolean {
  return Object.hasOwn(EXTRACTORS, entityName(name));
}

function run(
  entity: string,
  text: string,
  ctx: ExtractionContext,
  custom: readonly CustomEntityDefinition[],
  reply: boolean,
): EntityValue[] {
  const name = entityName(entity);
  try {
    const system = Object.hasOwn(EXTRACTORS, name) ? EXTRACTORS[name] : undefined;
    if (system !== undefined) return system(text, ctx, { reply });
    const def = custom.find((d) => entityName(d.name) === name);
    return def === undefined ? [] : extractCustom(def, text);
  } catch {
    // Extraction must never break a turn; a bug here means "nothing extracted".
    return [];
  }
}

/** All values of `entity` found in `text`, in order. `entity` is "sys.xxx" or the name of a custom entity in `custom`. */
export function extractEntity(
  entity: string,
  text: string,
  ctx: ExtractionContext,
  custom: readonly CustomEntityDefinition[] = [],
): EntityValue[] {
  return run(entity, text, ctx, custom, false);
}

/**
 * For slot filling: the whole reply is the answer ("3시 반", "내일"); returns the best value or null.
 * Short forms that are ambiguous inside a sentence ("세", "열", "경기") are accepted when they make
 * up the reply. The value covering most of the reply wins; ties go to the earlier one.
 */
export function parseEntityReply(
  entity: string,
  reply: string,
  ctx: ExtractionContext,
  custom: readonly CustomEntityDefinition[] = [],
): EntityValue | null {
  let best: EntityValue | null = null;
  for (const v of run(entity, reply, ctx, custom, true)) {
    if (best === null || v.end - v.start > best.end - best.start) best = v;
  }
  return best;
}
