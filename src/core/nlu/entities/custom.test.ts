import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { CustomEntityResolution } from "./custom.js";
import { extractCustom } from "./custom.js";
import type { CustomEntityDefinition } from "./types.js";

const product: CustomEntityDefinition = {
  name: "product",
  entries: [
    { value: "티셔츠", synonyms: ["셔츠", "T셔츠", "tee"] },
    { value: "블루 셔츠", synonyms: ["파란셔츠"] },
    { value: "청바지", synonyms: ["jeans", "데님 팬츠"] },
  ],
};

function found(text: string): Array<[string, string]> {
  return extractCustom(product, text).map((v) => [v.origin, v.value]);
}

describe("custom entities", () => {
  test("value is the representative entry, origin the typed word", () => {
    assert.deepEqual(found("티셔츠"), [["티셔츠", "티셔츠"]]);
    assert.deepEqual(found("셔츠 교환"), [["셔츠", "티셔츠"]]);
    const [v] = extractCustom(product, "jeans");
    assert.equal(v?.entity, "product");
    assert.deepEqual(v?.resolved as CustomEntityResolution, { entry: "청바지", term: "jeans" });
  });

  test("particles and endings after the word", () => {
    assert.deepEqual(found("셔츠를 교환하고 싶어요"), [["셔츠", "티셔츠"]]);
    assert.deepEqual(found("셔츠는요?"), [["셔츠", "티셔츠"]]);
    assert.deepEqual(found("청바지와 셔츠"), [
      ["청바지", "청바지"],
      ["셔츠", "티셔츠"],
    ]);
  });

  test("spacing-insensitive in both directions", () => {
    assert.deepEqual(found("블루셔츠 있어요"), [["블루셔츠", "블루 셔츠"]]);
    assert.deepEqual(found("파란 셔츠로 주세요"), [["파란 셔츠", "블루 셔츠"]]);
    assert.deepEqual(found("데님팬츠랑"), [["데님팬츠", "청바지"]]);
  });

  test("case-insensitive Latin, whole words only", () => {
    assert.deepEqual(found("JEANS 사이즈"), [["JEANS", "청바지"]]);
    assert.deepEqual(found("TEE 하나"), [["TEE", "티셔츠"]]);
    assert.deepEqual(found("teenager"), []);
    assert.deepEqual(found("xl셔츠"), [["셔츠", "티셔츠"]]);
  });

  test("longest match wins; no match inside other words", () => {
    assert.deepEqual(found("블루 셔츠"), [["블루 셔츠", "블루 셔츠"]]);
    assert.deepEqual(found("t셔츠"), [["t셔츠", "티셔츠"]]);
    assert.deepEqual(found("셔츠걸이"), []);
    assert.deepEqual(found("와이셔츠"), []);
  });

  test("empty definitions match nothing", () => {
    assert.deepEqual(extractCustom({ name: "x", entries: [{ value: " ", synonyms: [""] }] }, "아무거나"), []);
  });
});
