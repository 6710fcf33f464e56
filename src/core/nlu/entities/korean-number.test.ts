import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { numeralAt, parseNumberWord, scanNumerals } from "./korean-number.js";

describe("parseNumberWord", () => {
  test("reads digits, Sino-Korean, native and mixed numerals", () => {
    const cases: Array<[string, number]> = [
      ["3", 3],
      ["1,200", 1200],
      ["3.5", 3.5],
      ["삼십", 30],
      ["십오", 15],
      ["이천이십육", 2026],
      ["만", 10000],
      ["5만", 50000],
      ["3천5백", 3500],
      ["1억 2천만", 120_000_000],
      ["만 오천", 15000],
      ["1.1만", 11000],
      ["스물다섯", 25],
      ["스물 다섯", 25],
      ["열두", 12],
      ["일곱", 7],
      ["하나", 1],
      ["스무", 20],
    ];
    for (const [word, value] of cases) assert.equal(parseNumberWord(word), value, word);
  });

  test("rejects words that only contain numeral syllables", () => {
    for (const word of ["천천히", "오늘", "백화점", "만나요", "abc", ""]) assert.equal(parseNumberWord(word), null, word);
  });
});

describe("scanNumerals", () => {
  test("marks one-syllable forms that are also words as weak", () => {
    assert.equal(numeralAt("세 명", 0)?.strong, false);
    assert.equal(numeralAt("이번", 0)?.strong, false);
    assert.equal(numeralAt("네", 0)?.strong, false);
    assert.equal(numeralAt("다섯", 0)?.strong, true);
    assert.equal(numeralAt("삼십", 0)?.strong, true);
    assert.equal(numeralAt("3", 0)?.strong, true);
  });

  test("does not start inside a Hangul word or a Latin token", () => {
    assert.deepEqual(scanNumerals("커피만"), []);
    assert.deepEqual(scanNumerals("A4 용지"), []);
  });

  test("a group after 만 joins only when it has its own magnitude", () => {
    assert.deepEqual(
      scanNumerals("5만 3명").map((n) => n.amount),
      [50000, 3],
    );
    assert.deepEqual(
      scanNumerals("5만 3천").map((n) => n.amount),
      [53000],
    );
  });
});
