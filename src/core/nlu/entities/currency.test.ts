import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { CurrencyResolution } from "./currency.js";
import { extractCurrency } from "./currency.js";

const ctx = { now: new Date("2026-03-05T01:00:00Z"), timezone: "Asia/Seoul" };

function money(text: string): Array<[string, number, string]> {
  return extractCurrency(text, ctx, { reply: false }).map((v) => {
    const r = v.resolved as CurrencyResolution;
    return [v.origin, r.amount, r.unit];
  });
}

describe("sys.unit.currency", () => {
  test("won amounts in digits and words", () => {
    assert.deepEqual(money("5만원"), [["5만원", 50000, "KRW"]]);
    assert.deepEqual(money("3,000원이요"), [["3,000원", 3000, "KRW"]]);
    assert.deepEqual(money("만 오천 원"), [["만 오천 원", 15000, "KRW"]]);
    assert.deepEqual(money("오천원짜리"), [["오천원", 5000, "KRW"]]);
    assert.deepEqual(money("1억 2천만 원"), [["1억 2천만 원", 120_000_000, "KRW"]]);
    assert.deepEqual(money("₩12,000"), [["₩12,000", 12000, "KRW"]]);
    assert.deepEqual(money("5만 3천원"), [["5만 3천원", 53000, "KRW"]]);
    assert.deepEqual(money("만원이요"), [["만원", 10000, "KRW"]]);
    assert.deepEqual(money("이만 원"), [["이만 원", 20000, "KRW"]]);
  });

  test("other currencies", () => {
    assert.deepEqual(money("$20"), [["$20", 20, "USD"]]);
    assert.deepEqual(money("20달러"), [["20달러", 20, "USD"]]);
    assert.deepEqual(money("19.99 USD"), [["19.99 USD", 19.99, "USD"]]);
    assert.deepEqual(money("€15"), [["€15", 15, "EUR"]]);
    assert.deepEqual(money("1000엔"), [["1000엔", 1000, "JPY"]]);
  });

  test("value JSON", () => {
    assert.equal(extractCurrency("5만원", ctx, { reply: false })[0]?.value, '{"amount":50000,"unit":"KRW"}');
  });

  test("no currency word or sign, or a weak numeral: nothing", () => {
    for (const text of ["5만", "3명", "오 원", "원래 가격", "원하시는 날"]) assert.deepEqual(money(text), [], text);
  });
});
