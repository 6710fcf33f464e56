import assert from "node:assert/strict";
import { test } from "node:test";
import { deepEqual } from "./deep-equal.js";

test("deepEqual compares JSON-like values by structure", () => {
  assert.equal(deepEqual({ a: [1, { b: "x" }] }, { a: [1, { b: "x" }] }), true);
  assert.equal(deepEqual({ a: [1, 2] }, { a: [2, 1] }), false);
  assert.equal(deepEqual({ a: 1, b: undefined }, { a: 1 }), true);
  assert.equal(deepEqual({ a: 1 }, { a: 1, c: 2 }), false);
  assert.equal(deepEqual([], {}), false);
  assert.equal(deepEqual(null, {}), false);
  assert.equal(deepEqual("1", 1), false);
});
