import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { NumberResolution } from "./number.js";
import { extractNumber } from "./number.js";

const ctx = { now: new Date("2026-03-04T03:00:00Z"), timezone: "Asia/Seoul" };
const sentence = { reply: false };

function numbers(text: string, reply = false): Array<[string, number, string | null]> {
  return extractNumber(text, ctx, { reply }).map((v) => {
    const r = v.resolved as NumberResolution;
    return [v.origin, r.amount, r.unit];
  });
}

describe("sys.number", () => {
  test("counts with counters, native and Sino numerals", () => {
    assert.deepEqual(numbers("세 명 예약할게요"), [["세 명", 3, "명"]]);
    assert.deepEqual(numbers("3명이요"), [["3명", 3, "명"]]);
    assert.deepEqual(numbers("스무 개 주세요"), [["스무 개", 20, "개"]]);
    assert.deepEqual(numbers("세명이요"), [["세명", 3, "명"]]);
    assert.deepEqual(numbers("1,200"), [["1,200", 1200, null]]);
    assert.deepEqual(numbers("삼십"), [["삼십", 30, null]]);
    assert.deepEqual(numbers("아메리카노 두 잔이랑 라떼 하나"), [
      ["두 잔", 2, "잔"],
      ["하나", 1, null],
    ]);
    assert.deepEqual(numbers("2인분"), [["2인분", 2, "인분"]]);
    assert.deepEqual(numbers("천 명 넘게 왔어요"), [["천 명", 1000, "명"]]);
    assert.deepEqual(numbers("1.5만 명"), [["1.5만 명", 15000, "명"]]);
  });

  test("value is the platform JSON string", () => {
    const [v] = extractNumber("3명", ctx, sentence);
    assert.equal(v?.value, '{"amount":3,"unit":"명"}');
    assert.equal(extractNumber("1", ctx, sentence)[0]?.value, '{"amount":1,"unit":null}');
  });

  test("ignores numeral syllables inside ordinary words", () => {
    assert.deepEqual(numbers("천천히 오세요"), []);
    assert.deepEqual(numbers("이번에 사장님이 오늘 오십시오"), []);
    assert.deepEqual(numbers("네 알겠습니다"), []);
    assert.deepEqual(numbers("세대 차이, 세차 예약, 한번 볼게요"), []);
    assert.deepEqual(numbers("조명 켜줘, 이것 만 주세요, 이만 가볼게요, 천명을 다했다"), []);
    assert.deepEqual(numbers("이 분이 오셨어요"), []);
  });

  test("digits inside dates, times, phones, e-mails and URLs are not numbers", () => {
    assert.deepEqual(numbers("내일 3시에 2명"), [["2명", 2, "명"]]);
    assert.deepEqual(numbers("3월 5일 15:30에 4명"), [["4명", 4, "명"]]);
    assert.deepEqual(numbers("010-1234-5678로 연락"), []);
    assert.deepEqual(numbers("30분 뒤에 2명"), [["2명", 2, "명"]]);
    assert.deepEqual(numbers("a1@b2.com, shop24.co.kr"), []);
  });

  test("a weak numeral counts when it is the whole reply", () => {
    assert.deepEqual(numbers("세", true), [["세", 3, null]]);
    assert.deepEqual(numbers("열이요", true), [["열", 10, null]]);
    assert.deepEqual(numbers("세"), []);
    // "네" answers yes, not four.
    assert.deepEqual(numbers("네", true), []);
  });
});
