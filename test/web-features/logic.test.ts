/** Pure logic behind the channel, help-admin and knowledge screens (no browser). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { chatPageUrl, embedSnippet, operatorConsolePath } from "../../web/src/features/channels/embed.js";
import { canManageHelp } from "../../web/src/features/help-admin/access.js";
import { renderPreview } from "../../web/src/features/help-admin/markdown.js";
import { formatSynonyms, parseSynonyms, readGroups } from "../../web/src/features/help-admin/synonyms.js";
import { entryProblems, parseBulkPaste } from "../../web/src/features/knowledge/knowledge-rules.js";

describe("knowledge bulk paste", () => {
  const existing = [{ question: "배송 언제 와요", answer: "2-3일", categories: [] }];

  test("reads question<TAB>answer rows with optional categories, skipping blank lines", () => {
    const result = parseBulkPaste("환불 되나요?\t7일 안에 가능해요\n\n영업시간\t10시-7시\t매장, 안내 ,매장\r\n", existing);
    assert.deepEqual(result.entries, [
      { question: "환불 되나요?", answer: "7일 안에 가능해요", categories: [] },
      { question: "영업시간", answer: "10시-7시", categories: ["매장", "안내"] },
    ]);
    assert.deepEqual(result.problems, []);
  });

  test("reports each refused line with its number instead of dropping it silently", () => {
    const long = "가".repeat(501);
    const text = ["질문만 있어요", "배송언제 와요\t중복", "\t답만", `${long}\t답`, "새 질문\t답", "새  질문\t두 번째"].join("\n");
    const result = parseBulkPaste(text, existing);
    assert.deepEqual(result.problems, [
      { line: 1, problem: "no_tab" },
      { line: 2, problem: "duplicate" },
      { line: 3, problem: "empty" },
      { line: 4, problem: "too_long" },
      { line: 6, problem: "duplicate" },
    ]);
    assert.deepEqual(
      result.entries.map((e) => e.question),
      ["새 질문"],
    );
  });

  test("an entry needs a question, an answer and http(s) URLs", () => {
    assert.deepEqual(entryProblems({ question: " ", answer: "a", categories: [], imageUrl: "javascript:alert(1)" }), [
      "question",
      "imageUrl",
    ]);
    assert.deepEqual(entryProblems({ question: "q", answer: "a", categories: [], landingUrl: "https://example.com" }), []);
  });
});

describe("help admin", () => {
  test("synonym lines become groups; one-word lines are reported by line number", () => {
    const parsed = parseSynonyms("스킬, skill，웹훅\n\n배송\n택배, 배송, 택배");
    assert.deepEqual(parsed.groups, [
      ["스킬", "skill", "웹훅"],
      ["택배", "배송"],
    ]);
    assert.deepEqual(parsed.tooShort, [3]);
    assert.equal(formatSynonyms(parsed.groups), "스킬, skill, 웹훅\n택배, 배송");
  });

  test("groups are read from the API as arrays or as {terms}", () => {
    assert.deepEqual(readGroups([["a", "b"], { id: "1", terms: ["c", "d"] }, "junk"]), [
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  test("the preview escapes raw HTML and drops javascript: links", () => {
    const html = renderPreview('<img src=x onerror="alert(1)"> [x](javascript:alert(1)) [안내](deploy-basics)');
    assert.ok(!html.includes("<img"), html);
    assert.ok(html.includes("&lt;img"), html);
    assert.ok(!html.includes('href="javascript:'), html);
    assert.ok(html.includes('href="/help/articles/deploy-basics"'), html);
  });

  test("only an owner or admin of some workspace may manage the help center", () => {
    assert.equal(canManageHelp([{ role: "editor" }]), false);
    assert.equal(canManageHelp([{ role: "viewer" }, { role: "admin" }]), true);
  });
});

describe("web chat addresses", () => {
  test("page URL, embed snippet and operator console path", () => {
    assert.equal(chatPageUrl("https://bot.example.com", "ch1"), "https://bot.example.com/chat/ch1");
    assert.equal(
      embedSnippet("https://bot.example.com", "ch1"),
      '<script src="https://bot.example.com/chat/embed.js" data-channel="ch1"></script>',
    );
    assert.equal(operatorConsolePath("ch1"), "/chat/operator/ch1");
  });
});
