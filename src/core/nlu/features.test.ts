import assert from "node:assert/strict";
import { test } from "node:test";
import { extractFeatures, type FeatureBag, toJamo } from "./features.js";

function shared(a: FeatureBag, b: FeatureBag): number {
  const other = new Set(b.hashes);
  return a.hashes.filter((h) => other.has(h)).length;
}

test("returns distinct ascending hashes with positive counts", () => {
  const bag = extractFeatures("배송 조회 배송 조회");
  assert.equal(bag.hashes.length, bag.counts.length);
  for (let k = 1; k < bag.hashes.length; k++) assert.ok((bag.hashes[k] ?? 0) > (bag.hashes[k - 1] ?? 0));
  for (const count of bag.counts) assert.ok(count > 0);
  // Repeated words count more than once.
  assert.ok(bag.counts.some((c) => c >= 2));
});

test("is deterministic", () => {
  assert.deepEqual(extractFeatures("선물 포장 되나요"), extractFeatures("선물 포장 되나요"));
});

test("spacing variants share most features through the space-free view", () => {
  const spaced = extractFeatures("배송 조회");
  const joined = extractFeatures("배송조회");
  const unrelated = extractFeatures("영업 시간");
  assert.ok(shared(spaced, joined) >= 8, `shared ${shared(spaced, joined)}`);
  assert.equal(shared(spaced, unrelated), 0);
});

test("a word with different particles keeps its stem feature", () => {
  // "선물이" and "선물을" share the stem "선물" even as standalone words.
  assert.ok(shared(extractFeatures("선물이"), extractFeatures("선물을")) > shared(extractFeatures("선물이"), extractFeatures("예약을")));
});

test("a one-jamo typo keeps jamo n-grams in common", () => {
  const right = extractFeatures("영업시간");
  const typo = extractFeatures("영엽시간");
  const other = extractFeatures("환불신청");
  assert.ok(shared(right, typo) > 10, `shared ${shared(right, typo)}`);
  assert.equal(shared(right, other), 0);
});

test("empty text has no features", () => {
  assert.deepEqual(extractFeatures(""), { hashes: [], counts: [] });
});

test("toJamo splits syllables and compound jamo into basic jamo and keeps other characters", () => {
  assert.equal(toJamo("값 괜찮아"), "ㄱㅏㅂㅅ ㄱㅗㅐㄴㅊㅏㄴㅎㅇㅏ");
  assert.equal(toJamo("의ㅘ"), "ㅇㅡㅣㅗㅏ");
  assert.equal(toJamo("wifi 5G, 3시"), "wifi 5G, 3ㅅㅣ");
});
