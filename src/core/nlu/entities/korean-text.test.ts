import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { compactText, endsWord, isParticleTail, pickLongest } from "./korean-text.js";

describe("particle tails", () => {
  test("stacked particles and copula endings are tails; other syllables are not", () => {
    for (const tail of ["", "에서", "에서는", "이요", "까지요", "으로요", "이에요", "를", "쯤"]) assert.ok(isParticleTail(tail), tail);
    for (const word of ["하다", "대", "걸이", "화점", "히"]) assert.equal(isParticleTail(word), false, word);
  });

  test("endsWord checks the rest of the token", () => {
    assert.ok(endsWord("부산에서 왔어요", 2));
    assert.equal(endsWord("부산하다", 2), false);
    assert.equal(endsWord("3명", 1), false, "a counter is not a particle; number.ts reads counters itself");
    assert.ok(endsWord("3명이", 2));
    assert.equal(endsWord("12", 1), false);
    assert.equal(endsWord("teen", 3), false);
  });
});

describe("helpers", () => {
  test("pickLongest keeps the longest of overlapping spans, in text order", () => {
    const spans = [
      { start: 0, end: 2, id: "a" },
      { start: 0, end: 5, id: "b" },
      { start: 4, end: 8, id: "c" },
      { start: 6, end: 9, id: "d" },
    ];
    assert.deepEqual(
      pickLongest(spans).map((s) => s.id),
      ["b", "d"],
    );
  });

  test("compactText drops spaces, lower-cases and maps back to offsets", () => {
    const c = compactText("Blue 셔츠 L");
    assert.equal(c.compact, "blue셔츠l");
    assert.deepEqual(c.origin, [0, 1, 2, 3, 5, 6, 8]);
  });
});
