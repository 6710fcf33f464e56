import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { disassemble, getChoseong } from "es-hangul";
import { choseongView } from "../search/choseong.js";
import { stemKorean } from "../search/korean-stem.js";
import { choseongOf, isChoseongWord, toJamo } from "./hangul.js";

const SAMPLE = "플러그인 등록과 웹훅 설정, 됐어요 괜찮아 읽었다 값";

describe("hangul", () => {
  test("decomposes syllables the same way as es-hangul", () => {
    assert.equal(toJamo(SAMPLE), disassemble(SAMPLE));
    const initials = [...SAMPLE].map(choseongOf).join("");
    assert.equal(initials.replace(/[^ㄱ-ㅎ ]/gu, ""), getChoseong(SAMPLE));
  });

  test("builds a spacing-free 초성 view and recognises 초성 words", () => {
    assert.equal(choseongView("플러그인 등록!"), "ㅍㄹㄱㅇㄷㄹ");
    assert.equal(choseongView("Skill 등록"), "skillㄷㄹ");
    assert.ok(isChoseongWord("ㅍㄹㄱㅇ"));
    assert.ok(!isChoseongWord("ㅍ"));
    assert.ok(!isChoseongWord("플ㄹ"));
  });
});

describe("stemKorean", () => {
  test("removes particles and 하다-style endings", () => {
    assert.equal(stemKorean("플러그인을"), "플러그인");
    assert.equal(stemKorean("플러그인이"), "플러그인");
    assert.equal(stemKorean("플러그인에서는"), "플러그인");
    assert.equal(stemKorean("등록하려면"), "등록");
    assert.equal(stemKorean("등록했어요"), "등록");
    assert.equal(stemKorean("배포됩니다"), "배포");
  });

  test("keeps at least one syllable and leaves plain words alone", () => {
    assert.equal(stemKorean("을"), "을");
    assert.equal(stemKorean("책을"), "책");
    assert.equal(stemKorean("스킬"), "스킬");
  });
});
