import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { DateTimeResolution } from "./date-time.js";
import { extractDateTime } from "./date-time.js";

// Thursday 2026-03-05, 23:40 in Seoul (14:40 UTC).
const ctx = { now: new Date("2026-03-05T14:40:00Z"), timezone: "Asia/Seoul" };

function dateTimes(text: string, c = ctx): Array<[string, string]> {
  return extractDateTime(text, c, { reply: false }).map((v) => [v.origin, (v.resolved as DateTimeResolution).dateTime]);
}

describe("sys.date.time", () => {
  test("a date followed by a time", () => {
    assert.deepEqual(dateTimes("내일 오후 3시에 예약"), [["내일 오후 3시", "2026-03-06T15:00:00"]]);
    assert.deepEqual(dateTimes("3월 5일 15:30"), [["3월 5일 15:30", "2026-03-05T15:30:00"]]);
    assert.deepEqual(dateTimes("2026-03-05T15:30"), [["2026-03-05T15:30", "2026-03-05T15:30:00"]]);
    assert.deepEqual(dateTimes("다음 주 월요일 아침 9시"), [["다음 주 월요일 아침 9시", "2026-03-09T09:00:00"]]);
    assert.deepEqual(dateTimes("모레 저녁에 7시"), [], "a period word alone is not a time");
  });

  test("the combined value keeps date and time fields", () => {
    const [v] = extractDateTime("내일 3시", ctx, { reply: false });
    const r = JSON.parse(v?.value ?? "") as DateTimeResolution;
    assert.equal(r.date, "2026-03-06");
    assert.equal(r.dateTag, "tomorrow");
    assert.equal(r.time, "15:00:00");
    assert.equal(r.ambiguous, true);
    assert.equal(r.calendar_type, "solar");
  });

  test("offsets from now cross midnight in the bot's timezone", () => {
    assert.deepEqual(dateTimes("30분 뒤에 알려줘"), [["30분 뒤", "2026-03-06T00:10:00"]]);
    assert.deepEqual(dateTimes("1시간 반 후"), [["1시간 반 후", "2026-03-06T01:10:00"]]);
    assert.deepEqual(dateTimes("2시간 후", { ...ctx, timezone: "UTC" }), [["2시간 후", "2026-03-05T16:40:00"]]);
  });

  test("only a date or only a time is not a date-time", () => {
    assert.deepEqual(dateTimes("내일"), []);
    assert.deepEqual(dateTimes("오후 3시"), []);
    assert.deepEqual(dateTimes("2월 30일 3시"), []);
  });
});
