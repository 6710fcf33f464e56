import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { validateBot } from "../bot/validate.js";
import { compileBot } from "./compile.js";
import { clickInput, formatStoryReport, parseStoryFile, runStories } from "./stories.js";

function bot() {
  const result = validateBot({
    schemaVersion: 1,
    name: "스토리 봇",
    skills: [{ id: "price", name: "가격", url: "https://skill.example.com/price" }],
    scenarios: [
      {
        id: "default",
        name: "기본",
        default: true,
        blocks: [
          {
            id: "menu",
            name: "메뉴",
            utterances: ["메뉴"],
            outputs: [
              {
                textCard: {
                  title: "메뉴",
                  buttons: [
                    { label: "가격", action: "block", blockId: "price", extra: { sku: "A" } },
                    { label: "홈페이지", action: "webLink", webLinkUrl: "https://example.com" },
                  ],
                },
              },
            ],
            quickReplies: [{ label: "다시", action: "message", messageText: "메뉴" }],
          },
          { id: "price", name: "가격 안내", skill: "price", outputs: [{ simpleText: { text: "{{#webhook.price}}원" } }] },
        ],
      },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return compileBot(result.bot);
}

const passing = `
skills:
  price: { version: "2.0", data: { price: 7900 } }
stories:
  - name: 버튼으로 가격을 본다
    turns:
      - user: 메뉴
        block: 메뉴
        quickReplies: [다시]
      - click: { label: 다시 }
        block: 메뉴
      - click: { label: 가격 }
        block: 가격 안내
        text: 7900원
`;

describe("runStories", () => {
  test("runs turns, resolves clicks and uses skill stubs", async () => {
    const report = await runStories(bot(), passing);
    assert.equal(report.passed, true, formatStoryReport(report));
    assert.equal(report.stories[0]?.turns.length, 3);
  });

  test("a failing expectation reports expected and actual and stops the story", async () => {
    const report = await runStories(
      bot(),
      `
stories:
  - name: 틀린 기대
    turns:
      - user: 메뉴
        block: 가격 안내
        text: { contains: 없는 글자 }
      - user: 메뉴
`,
    );
    assert.equal(report.passed, false);
    const out = formatStoryReport(report);
    assert.match(out, /✗ 틀린 기대/);
    assert.match(out, /- expected: 가격 안내/);
    assert.match(out, /\+ actual: {3}메뉴/);
    assert.match(out, /- expected: 없는 글자/);
    assert.match(out, /1 later turn\(s\) not run/);
    assert.match(out, /0 passed, 1 failed/);
  });

  test("a missing skill stub fails the skill call (the error message answers)", async () => {
    const report = await runStories(
      bot(),
      "stories:\n  - name: x\n    turns:\n      - user: 메뉴\n      - click: { label: 가격 }\n        text: { contains: 오류 }\n",
    );
    assert.equal(report.passed, true, formatStoryReport(report));
    assert.match(report.stories[0]?.turns[1]?.trace?.findings.join("\n") ?? "", /no stub/);
  });

  test("clicking a link button or an unknown label is a story failure that names the buttons", async () => {
    const report = await runStories(bot(), "stories:\n  - name: x\n    turns:\n      - user: 메뉴\n      - click: { label: 홈페이지 }\n");
    assert.match(formatStoryReport(report), /does not send anything to the bot/);
    const unknown = clickInput(null, { label: "없음" });
    assert.equal(unknown.ok, false);
  });
});

describe("parseStoryFile", () => {
  test("reports format errors with their path", () => {
    const r = parseStoryFile("stories:\n  - name: x\n    turns:\n      - user: a\n        welcome: true\n      - blok: x\n");
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.ok(r.errors.some((e) => e.startsWith("stories[0].turns[0]") && e.includes("exactly one of user")));
    assert.ok(r.errors.some((e) => e.startsWith("stories[0].turns[1]") && e.includes("blok")));
  });

  test("reports YAML syntax errors", () => {
    const r = parseStoryFile("stories: [\n");
    assert.equal(r.ok, false);
  });
});
