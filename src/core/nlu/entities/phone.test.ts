import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { PhoneResolution } from "./phone.js";
import { extractPhone } from "./phone.js";

const ctx = { now: new Date("2026-03-05T01:00:00Z"), timezone: "Asia/Seoul" };

function phones(text: string): Array<[string, string]> {
  return extractPhone(text, ctx, { reply: false }).map((v) => [v.origin, v.value]);
}

describe("sys.phone.number", () => {
  test("Korean formats normalise to dashed domestic numbers", () => {
    const cases: Array<[string, string, string]> = [
      ["010-1234-5678", "010-1234-5678", "010-1234-5678"],
      ["01012345678로 연락주세요", "01012345678", "010-1234-5678"],
      ["010 1234 5678", "010 1234 5678", "010-1234-5678"],
      ["010.1234.5678", "010.1234.5678", "010-1234-5678"],
      ["011-123-4567", "011-123-4567", "011-123-4567"],
      ["02-123-4567로", "02-123-4567", "02-123-4567"],
      ["031-1234-5678", "031-1234-5678", "031-1234-5678"],
      ["070-1234-5678", "070-1234-5678", "070-1234-5678"],
      ["1588-1234", "1588-1234", "1588-1234"],
      ["080-123-4567", "080-123-4567", "080-123-4567"],
      ["+82 10-1234-5678", "+82 10-1234-5678", "010-1234-5678"],
      ["+821012345678", "+821012345678", "010-1234-5678"],
      ["+82-2-123-4567", "+82-2-123-4567", "02-123-4567"],
    ];
    for (const [text, origin, value] of cases) assert.deepEqual(phones(text), [[origin, value]], text);
  });

  test("resolved carries digits, E.164 and kind", () => {
    const r = extractPhone("010-1234-5678", ctx, { reply: false })[0]?.resolved as PhoneResolution;
    assert.deepEqual(r, { number: "010-1234-5678", digits: "01012345678", e164: "+821012345678", kind: "mobile" });
    const land = extractPhone("02-123-4567", ctx, { reply: false })[0]?.resolved as PhoneResolution;
    assert.equal(land.kind, "landline");
    assert.equal(land.e164, "+8221234567");
  });

  test("rejects malformed numbers and digits inside longer numbers", () => {
    for (const text of ["010-123-4567", "010-1234-567", "12345678901234", "주문번호 2026030512345678", "090-1234-5678"]) {
      assert.deepEqual(phones(text), [], text);
    }
  });
});
