import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { CustomEntityDefinition, DateResolution, NumberResolution, TimeResolution } from "./index.js";
import { extractEntity, isSystemEntity, parseEntityReply, SYSTEM_ENTITIES } from "./index.js";

function must<T>(v: T | null | undefined): T {
  assert.ok(v !== null && v !== undefined, "expected a value");
  return v;
}

const ctx = { now: new Date("2026-03-05T01:00:00Z"), timezone: "Asia/Seoul" };
const custom: CustomEntityDefinition[] = [{ name: "size", entries: [{ value: "L", synonyms: ["라지", "large"] }] }];
const JSON_VALUED = new Set(["sys.number", "sys.date", "sys.time", "sys.date.time", "sys.unit.currency"]);

describe("entity catalogue", () => {
  test("every listed system entity is extractable and has a Korean label", () => {
    assert.ok(SYSTEM_ENTITIES.length >= 10);
    for (const e of SYSTEM_ENTITIES) {
      assert.ok(isSystemEntity(e.name), e.name);
      assert.match(e.label, /[가-힣]|URL/);
      assert.ok(extractEntity(e.name, e.example, ctx).length > 0, `${e.name} example "${e.example}" extracts`);
    }
  });

  test("names with @ are accepted; unknown names are not system entities", () => {
    assert.ok(isSystemEntity("@sys.date"));
    assert.equal(isSystemEntity("sys.nation"), false);
    assert.equal(isSystemEntity("size"), false);
    assert.equal(isSystemEntity("toString"), false);
    assert.deepEqual(extractEntity("sys.nation", "한국", ctx), []);
    assert.deepEqual(extractEntity("nothing", "라지", ctx, custom), []);
  });
});

describe("extractEntity", () => {
  test("dispatches to system and custom entities", () => {
    const [date] = extractEntity("@sys.date", "내일 갈게요", ctx);
    assert.equal((must(date).resolved as DateResolution).date, "2026-03-06");
    const [size] = extractEntity("@size", "라지로 주세요", ctx, custom);
    assert.deepEqual([size?.entity, size?.origin, size?.value], ["size", "라지", "L"]);
  });

  test("sys.text is the whole trimmed utterance", () => {
    const [t] = extractEntity("sys.text", "  배송 언제 와요?  ", ctx);
    assert.deepEqual([t?.origin, t?.value, t?.start, t?.end], ["배송 언제 와요?", "배송 언제 와요?", 2, 11]);
    assert.deepEqual(extractEntity("sys.text", "   ", ctx), []);
  });

  test("a reservation sentence yields each parameter's value", () => {
    const text = "다음 주 금요일 저녁 7시에 4명, 010-9876-5432로 연락 주세요";
    const pick = (e: string) => extractEntity(e, text, ctx).map((v) => v.origin);
    assert.deepEqual(pick("sys.date"), ["다음 주 금요일"]);
    assert.deepEqual(pick("sys.time"), ["저녁 7시"]);
    assert.deepEqual(pick("sys.date.time"), ["다음 주 금요일 저녁 7시"]);
    assert.deepEqual(pick("sys.number"), ["4명"]);
    assert.deepEqual(pick("sys.phone.number"), ["010-9876-5432"]);
  });

  test("offsets point at origin and JSON values parse (deterministic fuzz, never throws)", () => {
    const pool = [..."0123456789 -:/.,@년월일시분반오후전내모레다음주금요원만천백십세두한명개서울강남구"];
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const names = [...SYSTEM_ENTITIES.map((e) => e.name), "size"];
    for (let i = 0; i < 300; i++) {
      let text = "";
      for (let j = rand(16); j >= 0; j--) text += pool[rand(pool.length)];
      for (const name of names) {
        for (const v of extractEntity(name, text, ctx, custom)) {
          assert.equal(text.slice(v.start, v.end), v.origin, `${name} in ${JSON.stringify(text)}`);
          if (JSON_VALUED.has(name)) assert.doesNotThrow(() => JSON.parse(v.value));
        }
      }
    }
  });
});

describe("robustness", () => {
  test("empty text and an invalid injected clock yield values or nothing, never an exception", () => {
    const broken = { now: new Date(Number.NaN), timezone: "Asia/Seoul" };
    for (const e of SYSTEM_ENTITIES) assert.deepEqual(extractEntity(e.name, "", ctx), [], e.name);
    assert.deepEqual(extractEntity("sys.date", "내일 3월 5일", broken), []);
    assert.deepEqual(extractEntity("sys.date.time", "내일 3시", broken), []);
    // Clock-free entities still work with a broken clock.
    assert.deepEqual(
      extractEntity("sys.number", "3월 5일 3명", broken).map((v) => v.origin),
      ["3명"],
    );
  });
});

describe("parseEntityReply", () => {
  test("takes the value covering most of the reply", () => {
    const r = parseEntityReply("sys.time", "3시 반", ctx);
    assert.equal((must(r).resolved as TimeResolution).time, "15:30:00");
    const d = parseEntityReply("sys.date", "음 내일이요", ctx);
    assert.equal((must(d).resolved as DateResolution).date, "2026-03-06");
  });

  test("accepts short forms that are too ambiguous inside a sentence", () => {
    assert.equal((must(parseEntityReply("sys.number", "세", ctx)).resolved as NumberResolution).amount, 3);
    assert.equal((must(parseEntityReply("sys.number", "다섯이요", ctx)).resolved as NumberResolution).amount, 5);
    assert.equal(parseEntityReply("sys.location", "경기", ctx)?.value, "경기");
    assert.equal(extractEntity("sys.number", "세", ctx).length, 0);
  });

  test("returns null when the reply holds no value", () => {
    assert.equal(parseEntityReply("sys.date", "글쎄요", ctx), null);
    assert.equal(parseEntityReply("sys.number", "네", ctx), null);
    assert.equal(parseEntityReply("sys.date.time", "3시", ctx), null);
    assert.equal(parseEntityReply("size", "스몰", ctx, custom), null);
    assert.equal(parseEntityReply("size", "large요", ctx, custom)?.value, "L");
  });
});
