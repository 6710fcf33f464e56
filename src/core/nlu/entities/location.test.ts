import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { LocationResolution } from "./location.js";
import { extractLocation } from "./location.js";

function must<T>(v: T | null | undefined): T {
  assert.ok(v !== null && v !== undefined, "expected a value");
  return v;
}

const ctx = { now: new Date("2026-03-05T01:00:00Z"), timezone: "Asia/Seoul" };

function places(text: string, reply = false): string[] {
  return extractLocation(text, ctx, { reply }).map((v) => v.value);
}

describe("sys.location", () => {
  test("regions, cities, districts and areas; value equals origin", () => {
    assert.deepEqual(places("서울"), ["서울"]);
    assert.deepEqual(places("부산에서 왔어요"), ["부산"]);
    assert.deepEqual(places("강남구 매장"), ["강남구"]);
    assert.deepEqual(places("제주도 가요"), ["제주도"]);
    assert.deepEqual(places("강남역 근처"), ["강남역"]);
    assert.deepEqual(places("판교랑 분당"), ["판교", "분당"]);
    assert.deepEqual(places("대전이나 세종"), ["대전", "세종"]);
  });

  test("adjacent names form one location with official names resolved", () => {
    const [v] = extractLocation("경기도 수원시 영통으로", ctx, { reply: false });
    assert.equal(v?.value, "경기도 수원시");
    const r = v?.resolved as LocationResolution;
    assert.equal(r.name, "경기도 수원시");
    assert.deepEqual(
      r.parts.map((p) => [p.input, p.name, p.kind]),
      [
        ["경기도", "경기도", "sido"],
        ["수원시", "수원시", "si"],
      ],
    );
    assert.deepEqual(places("서울 강남구 역삼동"), ["서울 강남구 역삼동"]);
    const [seoul] = extractLocation("서울 마포", ctx, { reply: false });
    assert.deepEqual(
      (must(seoul).resolved as LocationResolution).parts.map((p) => p.name),
      ["서울특별시", "마포구"],
    );
  });

  test("common words that share a place name are not locations", () => {
    assert.deepEqual(places("부산하다"), []);
    assert.deepEqual(places("서울대 다녀요"), []);
    assert.deepEqual(places("고양이 화성 탐사"), [], "고양/화성 need 시");
    assert.deepEqual(places("경기 결과 알려줘"), [], "경기 alone is a game");
    assert.deepEqual(places("화성시 동탄"), ["화성시 동탄"]);
    assert.deepEqual(places("경기 수원"), ["경기 수원"]);
    assert.deepEqual(places("경기", true), ["경기"], "as a whole reply");
  });
});
