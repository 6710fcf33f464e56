import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { TimeResolution } from "./time.js";
import { extractTime } from "./time.js";

const ctx = { now: new Date("2026-03-05T01:00:00Z"), timezone: "Asia/Seoul" };

function times(text: string): Array<[string, string]> {
  return extractTime(text, ctx, { reply: false }).map((v) => [v.origin, (v.resolved as TimeResolution).time]);
}

function one(text: string): TimeResolution {
  const found = extractTime(text, ctx, { reply: false });
  assert.equal(found.length, 1, `${text} → ${JSON.stringify(found.map((f) => f.origin))}`);
  return found[0]?.resolved as TimeResolution;
}

describe("sys.time", () => {
  test("period words settle AM/PM", () => {
    const cases: Array<[string, string]> = [
      ["오후 3시", "15:00:00"],
      ["아침 9시", "09:00:00"],
      ["저녁 7시 30분", "19:30:00"],
      ["오후 세시에 만나요", "15:00:00"],
      ["밤 11시", "23:00:00"],
      ["밤 2시", "02:00:00"],
      ["새벽 3시", "03:00:00"],
      ["점심 12시 반", "12:30:00"],
      ["오전 12시", "00:00:00"],
      ["오후 12시", "12:00:00"],
      ["3pm", "15:00:00"],
      ["3:30 PM", "15:30:00"],
      ["오후 3:30", "15:30:00"],
    ];
    for (const [text, time] of cases) {
      const r = one(text);
      assert.equal(r.time, time, text);
      assert.equal(r.ambiguous, false, text);
    }
  });

  test("clock forms", () => {
    assert.deepEqual(times("15:30"), [["15:30", "15:30:00"]]);
    assert.deepEqual(times("3시 15분"), [["3시 15분", "15:15:00"]]);
    assert.deepEqual(times("3시 반"), [["3시 반", "15:30:00"]]);
    assert.deepEqual(times("3시반에"), [["3시반", "15:30:00"]]);
    assert.deepEqual(times("3시 삼십분"), [["3시 삼십분", "15:30:00"]]);
    assert.deepEqual(times("열두시 반"), [["열두시 반", "12:30:00"]]);
    assert.deepEqual(times("10:30:15"), [["10:30:15", "10:30:15"]]);
    assert.deepEqual(times("정오"), [["정오", "12:00:00"]]);
    assert.deepEqual(times("자정에"), [["자정", "00:00:00"]]);
    assert.deepEqual(times("24시"), [["24시", "00:00:00"]]);
  });

  test("an hour without a period word is guessed as business hours and flagged", () => {
    const three = one("3시");
    assert.equal(three.time, "15:00:00");
    assert.equal(three.ambiguous, true);
    assert.deepEqual(three.alternatives, ["15:00:00", "03:00:00"]);
    assert.equal(one("9시").time, "09:00:00");
    assert.deepEqual(one("9시").alternatives, ["09:00:00", "21:00:00"]);
    assert.equal(one("12시").time, "12:00:00");
    assert.equal(one("15시").ambiguous, false);
    assert.equal(one("08:00").ambiguous, false, "zero-padded means 24-hour clock");
    assert.equal(one("08:00").time, "08:00:00");
  });

  test("contradictions and impossible times give nothing", () => {
    for (const text of ["오후 15시", "오전 13시", "25시", "3시 60분", "13:75", "오후 3:30 am"]) {
      assert.deepEqual(times(text), [], text);
    }
  });

  test("durations are not times", () => {
    assert.deepEqual(times("3시간 걸려요"), []);
    assert.deepEqual(times("30분 기다렸어요"), []);
  });

  test("value JSON carries time HH:MM:SS", () => {
    const [v] = extractTime("오후 3시", ctx, { reply: false });
    assert.deepEqual(JSON.parse(v?.value ?? ""), {
      timeTag: "pm",
      timeHeadword: "오후",
      hour: 15,
      minute: 0,
      second: 0,
      time: "15:00:00",
      ambiguous: false,
      alternatives: [],
    });
  });
});
