import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { extractEmail } from "./email.js";

const ctx = { now: new Date("2026-03-05T01:00:00Z"), timezone: "Asia/Seoul" };

function emails(text: string): Array<[string, string]> {
  return extractEmail(text, ctx, { reply: false }).map((v) => [v.origin, v.value]);
}

describe("sys.email", () => {
  test("finds addresses followed by Korean particles, lower-casing the domain", () => {
    assert.deepEqual(emails("Kim.Lee@Example.COM으로 보내주세요"), [["Kim.Lee@Example.COM", "Kim.Lee@example.com"]]);
    assert.deepEqual(emails("메일은 help+shop@mail.co.kr 입니다"), [["help+shop@mail.co.kr", "help+shop@mail.co.kr"]]);
    assert.deepEqual(emails("a@x.com, b@y.org"), [
      ["a@x.com", "a@x.com"],
      ["b@y.org", "b@y.org"],
    ]);
  });

  test("rejects incomplete addresses", () => {
    for (const text of ["a@b", "@example.com", "kim@", "kim@@example.com", "메일 없음"]) assert.deepEqual(emails(text), [], text);
  });
});
