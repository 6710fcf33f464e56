import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { UrlResolution } from "./url.js";
import { extractUrl } from "./url.js";

const ctx = { now: new Date("2026-03-05T01:00:00Z"), timezone: "Asia/Seoul" };

function urls(text: string): string[] {
  return extractUrl(text, ctx, { reply: false }).map((v) => v.value);
}

describe("sys.url", () => {
  test("schemes, www and bare hosts; Hangul and trailing punctuation end the URL", () => {
    assert.deepEqual(urls("https://example.com/a?b=1에서 봐요"), ["https://example.com/a?b=1"]);
    assert.deepEqual(urls("http://localhost:3000/x."), ["http://localhost:3000/x"]);
    assert.deepEqual(urls("www.test.co.kr."), ["www.test.co.kr"]);
    assert.deepEqual(urls("naver.com 들어가봐"), ["naver.com"]);
    assert.deepEqual(urls("(shop.example.kr/item/3)"), ["shop.example.kr/item/3"]);
  });

  test("bare hosts get https in resolved.href", () => {
    const r = extractUrl("Shop.Example.com/a", ctx, { reply: false })[0]?.resolved as UrlResolution;
    assert.deepEqual(r, { href: "https://Shop.Example.com/a", host: "shop.example.com" });
  });

  test("not URLs: e-mail hosts, decimals, file names", () => {
    for (const text of ["me@mail.com", "3.5", "report.pdf", "v1.2.3", "안녕하세요."]) assert.deepEqual(urls(text), [], text);
  });
});
