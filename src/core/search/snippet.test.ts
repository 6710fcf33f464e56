import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { makeSnippet } from "./index.js";

const highlighted = (s: { text: string; highlights: Array<{ start: number; end: number }> }): string[] =>
  s.highlights.map((h) => s.text.slice(h.start, h.end));

describe("makeSnippet", () => {
  test("highlights the query words, including the stem of a word with a particle", () => {
    const s = makeSnippet("챗봇에 플러그인을 등록하면 바로 쓸 수 있습니다. 등록한 플러그인은 설정에서 관리합니다.", "플러그인이 등록");
    assert.equal(s.text, "챗봇에 플러그인을 등록하면 바로 쓸 수 있습니다. 등록한 플러그인은 설정에서 관리합니다.");
    assert.deepEqual(highlighted(s), ["플러그인", "등록", "등록", "플러그인"]);
    // The words as typed, next to each other, are one highlighted phrase.
    assert.deepEqual(highlighted(makeSnippet("플러그인을 등록하면", "플러그인을 등록")), ["플러그인을 등록"]);
  });

  test("matches across spacing differences and letter case", () => {
    const s = makeSnippet("플러그인 등록 및 관리", "플러그인등록");
    assert.deepEqual(highlighted(s), ["플러그인 등록"]);
    const e = makeSnippet("Connect a Skill server", "skill");
    assert.deepEqual(highlighted(e), ["Skill"]);
  });

  test("highlights a 초성 query on the syllables it abbreviates", () => {
    const s = makeSnippet("먼저 플러그인 등록을 마치세요", "ㅍㄹㄱㅇ");
    assert.deepEqual(highlighted(s), ["플러그인"]);
  });

  test("highlights extra terms such as matched synonyms", () => {
    const s = makeSnippet("스킬 서버를 연결합니다", "웹훅", 160, ["스킬"]);
    assert.deepEqual(highlighted(s), ["스킬"]);
  });

  test("cuts long text around the best match and marks the cuts", () => {
    const filler = "이 문단은 검색어와 관계없는 설명입니다. ".repeat(20);
    const text = `${filler}배포 버전은 언제든 되돌릴 수 있습니다. ${filler}`;
    const s = makeSnippet(text, "버전 되돌리기", 80);
    assert.ok(s.text.startsWith("…") && s.text.endsWith("…"), s.text);
    assert.ok(s.text.length <= 82, `length ${s.text.length}`);
    assert.ok(s.text.includes("배포 버전은 언제든 되돌릴 수"), s.text);
    assert.ok(highlighted(s).includes("버전"));
  });

  test("starts at the beginning when nothing matches, and collapses whitespace", () => {
    const s = makeSnippet("첫 줄\n\n둘째   줄", "없는말");
    assert.equal(s.text, "첫 줄 둘째 줄");
    assert.deepEqual(s.highlights, []);
  });

  test("returns plain text, never markup", () => {
    const s = makeSnippet("<b>스킬</b> & 블록", "스킬");
    assert.equal(s.text, "<b>스킬</b> & 블록");
    assert.deepEqual(highlighted(s), ["스킬"]);
  });
});
