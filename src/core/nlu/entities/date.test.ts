import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { DateResolution } from "./date.js";
import { extractDate } from "./date.js";

// Thursday 2026-03-05, 10:00 in Seoul.
const seoul = { now: new Date("2026-03-05T01:00:00Z"), timezone: "Asia/Seoul" };

function dates(text: string, ctx = seoul): Array<[string, string]> {
  return extractDate(text, ctx, { reply: false }).map((v) => [v.origin, (v.resolved as DateResolution).date]);
}

function only(text: string, ctx = seoul): string | undefined {
  const found = dates(text, ctx);
  assert.equal(found.length, 1, `${text} → ${JSON.stringify(found)}`);
  return found[0]?.[1];
}

describe("sys.date relative words", () => {
  test("named days", () => {
    assert.equal(only("오늘"), "2026-03-05");
    assert.equal(only("내일 갈게요"), "2026-03-06");
    assert.equal(only("모레"), "2026-03-07");
    assert.equal(only("내일모레"), "2026-03-07");
    assert.equal(only("글피"), "2026-03-08");
    assert.equal(only("어제"), "2026-03-04");
    assert.equal(only("그저께"), "2026-03-03");
  });

  test("weeks run Monday to Sunday", () => {
    assert.equal(only("다음 주 월요일"), "2026-03-09");
    assert.equal(only("다음주 일요일에 봐요"), "2026-03-15");
    assert.equal(only("이번 주 금요일"), "2026-03-06");
    assert.equal(only("이번 주 월요일"), "2026-03-02");
    assert.equal(only("지난주 수요일"), "2026-02-25");
  });

  test("a bare weekday is the next one after today", () => {
    assert.equal(only("금요일"), "2026-03-06");
    assert.equal(only("목요일"), "2026-03-12");
    assert.equal(only("오는 수요일"), "2026-03-11");
  });

  test("offsets", () => {
    assert.equal(only("5일 뒤"), "2026-03-10");
    assert.equal(only("3일 후에"), "2026-03-08");
    assert.equal(only("이틀 뒤"), "2026-03-07");
    assert.equal(only("일주일 후"), "2026-03-12");
    assert.equal(only("2주 뒤"), "2026-03-19");
    assert.equal(only("한 달 후"), "2026-04-05");
    assert.equal(only("3일 전"), "2026-03-02");
  });

  test("month-relative days", () => {
    assert.equal(only("다음 달 10일"), "2026-04-10");
    assert.equal(only("이번 달 20일"), "2026-03-20");
    assert.equal(dates("다음 달 31일").length, 0, "April has 30 days");
  });
});

describe("sys.date absolute", () => {
  test("formats", () => {
    assert.equal(only("3월 5일"), "2026-03-05");
    assert.equal(only("2026년 3월 5일"), "2026-03-05");
    assert.equal(only("27년 1월 2일"), "2027-01-02");
    assert.equal(only("2026-03-05"), "2026-03-05");
    assert.equal(only("2026.3.5"), "2026-03-05");
    assert.equal(only("3/5"), "2026-03-05");
    assert.equal(only("10일에 가요"), "2026-03-10");
    assert.equal(only("내년 1월 1일"), "2027-01-01");
    assert.equal(only("삼월 오일"), "2026-03-05");
    assert.equal(only("시월 삼일"), "2026-10-03");
  });

  test("a weekday written after the date belongs to it", () => {
    assert.deepEqual(dates("3월 5일(목) 예약"), [["3월 5일(목)", "2026-03-05"]]);
    assert.deepEqual(dates("3월 5일 목요일"), [["3월 5일 목요일", "2026-03-05"]]);
  });

  test("impossible or incomplete dates give nothing", () => {
    for (const text of ["2월 30일", "13월 5일", "13월", "3월", "2026-02-30", "32일", "13/40", "0월 3일"]) {
      assert.deepEqual(dates(text), [], text);
    }
  });

  test("durations, lunar dates and words that merely contain date words are not dates", () => {
    assert.deepEqual(dates("3일 동안 묵어요"), []);
    assert.deepEqual(dates("2박 3일 예약"), []);
    assert.deepEqual(dates("음력 3월 5일"), []);
    assert.deepEqual(dates("오늘날 사람들"), []);
    assert.deepEqual(dates("제가 낼게요"), []);
  });

  test("value is the platform's sys.date JSON", () => {
    const [v] = extractDate("금요일", seoul, { reply: false });
    assert.equal(
      v?.value,
      '{"dateTag":"Friday","dateHeadword":null,"year":null,"month":null,"day":null,"date":"2026-03-06","polynomial":"define_weekday({4})","calendar_type":"solar"}',
    );
    const [abs] = extractDate("2026년 3월 5일", seoul, { reply: false });
    assert.deepEqual(JSON.parse(abs?.value ?? ""), {
      dateTag: null,
      dateHeadword: null,
      year: 2026,
      month: 3,
      day: 5,
      date: "2026-03-05",
      polynomial: null,
      calendar_type: "solar",
    });
  });
});

describe("sys.date timezone", () => {
  // 2026-03-04T16:30Z is still Wednesday the 4th in UTC but already Thursday the 5th in Seoul.
  const instant = new Date("2026-03-04T16:30:00Z");

  test("relative dates follow the bot's timezone, not UTC", () => {
    assert.equal(only("오늘", { now: instant, timezone: "Asia/Seoul" }), "2026-03-05");
    assert.equal(only("오늘", { now: instant, timezone: "UTC" }), "2026-03-04");
    assert.equal(only("내일", { now: instant, timezone: "Asia/Seoul" }), "2026-03-06");
    assert.equal(only("금요일", { now: instant, timezone: "Asia/Seoul" }), "2026-03-06");
    assert.equal(only("목요일", { now: instant, timezone: "UTC" }), "2026-03-05");
    assert.equal(only("10일", { now: new Date("2026-03-31T15:30:00Z"), timezone: "Asia/Seoul" }), "2026-04-10");
  });

  test("an unknown timezone falls back to UTC instead of throwing", () => {
    assert.equal(only("오늘", { now: instant, timezone: "Not/AZone" }), "2026-03-04");
  });
});
