import assert from "node:assert/strict";
import { test } from "node:test";
import { normalizeUtterance } from "./normalize.js";

test("composes decomposed Hangul (NFD input from macOS) into NFC", () => {
  const decomposed = "배송 조회".normalize("NFD");
  assert.notEqual(decomposed, "배송 조회");
  assert.equal(normalizeUtterance(decomposed), "배송 조회");
});

test("lower-cases Latin and collapses whitespace", () => {
  assert.equal(normalizeUtterance("  WiFi   비밀번호\t알려줘\n"), "wifi 비밀번호 알려줘");
});

test("strips punctuation that never changes the intent", () => {
  assert.equal(normalizeUtterance("배송 조회 해주세요!!??"), "배송 조회 해주세요");
  assert.equal(normalizeUtterance("“영업시간”… 알려줘~"), "영업시간 알려줘");
  assert.equal(normalizeUtterance("환불(반품) 신청"), "환불 반품 신청");
});

test("drops laughing and crying runs but keeps a lone jamo", () => {
  assert.equal(normalizeUtterance("배송 언제 와요 ㅠㅠ"), "배송 언제 와요");
  assert.equal(normalizeUtterance("ㅋㅋㅋ 예약할게요"), "예약할게요");
  assert.equal(normalizeUtterance("조회해즈ㅓ"), "조회해즈ㅓ");
});

test("keeps symbols that carry meaning (times, percents, e-mail, plus)", () => {
  assert.equal(normalizeUtterance("3:30에 10% 할인 a@b.kr +1"), "3:30에 10% 할인 a@b kr +1");
});

test("is idempotent", () => {
  for (const text of ["배송  조회!!", "WIFI 비번?", "ㅋㅋ 안녕"]) {
    assert.equal(normalizeUtterance(normalizeUtterance(text)), normalizeUtterance(text));
  }
});
