import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatFromFileName, formatIssue, parseBotFile, serializeBotFile } from "./bot-file.js";
import { createBotFile } from "./defaults.js";
import type { BotIssue } from "./validate.js";

/** 1-based line of the first line containing `needle` (so tests do not hard-code counts). */
function lineOf(text: string, needle: string, from = 1): number {
  const lines = text.split("\n");
  const index = lines.findIndex((line, i) => i >= from - 1 && line.includes(needle));
  assert.ok(index >= 0, `"${needle}" is not in the text`);
  return index + 1;
}

function errorsOf(text: string): BotIssue[] {
  const result = parseBotFile(text);
  assert.equal(result.ok, false, "expected the file to be rejected");
  return result.ok ? [] : result.errors;
}

function errorAt(errors: BotIssue[], path: string): BotIssue {
  const hit = errors.find((e) => e.path === path);
  assert.ok(hit, `no error at ${path}; got ${JSON.stringify(errors)}`);
  return hit;
}

const GOOD_YAML = `schemaVersion: 1
name: 꽃집 안내봇
description: 꽃 배달과 예약 안내
entities:
  - name: flower
    entries:
      - value: 장미
        synonyms: [빨간 장미, 로즈]
skills:
  - id: stock
    name: 재고 조회
    url: https://flowers.example.com/stock
scenarios:
  - id: default
    name: 기본 시나리오
    default: true
    blocks:
      - id: welcome
        name: 웰컴 블록
        type: welcome
        outputs:
          - simpleText: { text: 어서 오세요 }
      - id: fallback
        name: 폴백 블록
        type: fallback
      - id: exit
        name: 탈출 블록
        type: exit
        utterances: [취소]
  - id: flowers
    name: 꽃 주문
    blocks:
      - id: order
        name: 꽃 주문
        utterances: [꽃 주문할게요, 장미 배달]
        parameters:
          - name: kind
            entity: flower
            required: true
            prompts: [어떤 꽃을 보낼까요?]
        outputs:
          - textCard:
              title: 주문 접수
              buttons:
                - { label: 처음으로, action: block, blockId: welcome }
`;

describe("parseBotFile", () => {
  test("reads a valid YAML file and fills defaults", () => {
    const result = parseBotFile(GOOD_YAML);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    assert.equal(result.bot.name, "꽃집 안내봇");
    assert.equal(result.bot.timezone, "Asia/Seoul");
    assert.equal(result.bot.scenarios[1]?.blocks[0]?.parameters[0]?.entity, "flower");
  });

  test("YAML syntax errors carry the line and column", () => {
    const text = "schemaVersion: 1\nname: 봇\nscenarios:\n  - id: default\n    name: [unclosed\n    default: true\n";
    const errors = errorsOf(text);
    assert.ok(errors.length >= 1);
    const first = errors[0];
    assert.equal(first?.path, "");
    assert.ok(first?.line !== undefined && first.line >= 5, `line ${first?.line}`);
    assert.ok(first?.column !== undefined && first.column > 0);
  });

  test("bad indentation and tabs are syntax errors on their own line", () => {
    const indent = "schemaVersion: 1\nname: 봇\nscenarios:\n  - id: a\n    name: b\n   default: true\n";
    assert.equal(errorsOf(indent)[0]?.line, 6);
    const tab = "schemaVersion: 1\nname: 봇\nscenarios:\n  - id: a\n\tname: b\n";
    const errors = errorsOf(tab);
    assert.equal(errors[0]?.line, 5);
    assert.match(errors[0]?.message ?? "", /tab/i);
  });

  test("a duplicated key is an error at the second occurrence", () => {
    const text = `${GOOD_YAML}name: 다른 이름\n`;
    const errors = errorsOf(text);
    assert.equal(errors[0]?.line, lineOf(text, "name: 다른 이름"));
    assert.match(errors[0]?.message ?? "", /unique|duplicate/i);
  });

  test("schema and reference errors point at the line of the offending value", () => {
    const text = GOOD_YAML.replace("blockId: welcome", "blockId: nowhere")
      .replace("entity: flower", "entity: tree")
      .replace("url: https://flowers.example.com/stock", "url: not a url");
    const errors = errorsOf(text);
    const url = errorAt(errors, "skills[0].url");
    assert.equal(url.line, lineOf(text, "url: not a url"));
    const urlLine = text.split("\n")[lineOf(text, "url: not a url") - 1] ?? "";
    assert.equal(url.column, urlLine.indexOf("not a url") + 1);
    // Reference errors are only found once the schema passes; fix the URL and look again.
    const refs = errorsOf(text.replace("url: not a url", "url: https://ok.example.com/x"));
    const fixed = text.replace("url: not a url", "url: https://ok.example.com/x");
    assert.equal(errorAt(refs, "scenarios[1].blocks[0].parameters[0].entity").line, lineOf(fixed, "entity: tree"));
    assert.equal(errorAt(refs, "scenarios[1].blocks[0].outputs[0].textCard.buttons[0].blockId").line, lineOf(fixed, "blockId: nowhere"));
  });

  test("errors keep the author's block positions when system blocks are added", () => {
    // No fallback or exit block: they are added on import, which must not shift the welcome block.
    const text = `schemaVersion: 1
name: 시스템 블록 없는 봇
scenarios:
  - id: main
    name: 메인
    blocks:
      - id: hello
        name: 인사
        quickReplies:
          - { label: 가기, action: block, blockId: nowhere }
`;
    const issue = errorAt(errorsOf(text), "scenarios[0].blocks[0].quickReplies[0].blockId");
    assert.equal(issue.line, lineOf(text, "blockId: nowhere"));
  });

  test("an error on a missing field points at the enclosing object", () => {
    const text = GOOD_YAML.replace("      - id: order\n        name: 꽃 주문\n", "      - id: order\n");
    const issue = errorAt(errorsOf(text), "scenarios[1].blocks[0].name");
    assert.equal(issue.line, lineOf(text, "- id: order"));
  });

  test("an unknown key is reported on its object's line", () => {
    const text = GOOD_YAML.replace(
      "        utterances: [꽃 주문할게요, 장미 배달]\n",
      "        utterances: [꽃 주문할게요]\n        colour: red\n",
    );
    const issue = errorAt(errorsOf(text), "scenarios[1].blocks[0]");
    assert.match(issue.message, /colour/);
    assert.equal(issue.line, lineOf(text, "- id: order"));
  });

  test("reads JSON and reports JSON errors with lines too", () => {
    const bot = parseBotFile(GOOD_YAML);
    assert.ok(bot.ok);
    const json = serializeBotFile(bot.bot, "json");
    const fromJson = parseBotFile(json);
    assert.ok(fromJson.ok);
    assert.deepEqual(fromJson.bot, bot.bot);

    const broken = json.replace('"https://flowers.example.com/stock"', '"https://flowers.example.com/stock",,');
    const syntax = errorsOf(broken);
    assert.equal(syntax[0]?.line, lineOf(broken, "flowers.example.com/stock"));

    const wrong = json.replace('"timeoutMs": 5000', '"timeoutMs": "fast"');
    const schema = errorAt(errorsOf(wrong), "skills[0].timeoutMs");
    assert.equal(schema.line, lineOf(wrong, '"timeoutMs": "fast"'));
  });

  test("an empty or non-object document is rejected", () => {
    errorsOf("");
    errorsOf("- just\n- a list\n");
    errorsOf("42");
  });
});

describe("serializeBotFile", () => {
  for (const format of ["yaml", "json"] as const) {
    test(`${format}: serialize → parse → serialize is byte-identical`, () => {
      const parsed = parseBotFile(GOOD_YAML);
      assert.ok(parsed.ok);
      const first = serializeBotFile(parsed.bot, format);
      const again = parseBotFile(first);
      assert.ok(again.ok, JSON.stringify(!again.ok && again.errors));
      assert.equal(serializeBotFile(again.bot, format), first);
      assert.deepEqual(again.bot, parsed.bot);
    });
  }

  test("YAML and JSON exports describe the same bot", () => {
    const bot = createBotFile({ name: "새 봇" });
    const fromYaml = parseBotFile(serializeBotFile(bot, "yaml"));
    const fromJson = parseBotFile(serializeBotFile(bot, "json"));
    assert.ok(fromYaml.ok && fromJson.ok);
    assert.deepEqual(fromYaml.bot, fromJson.bot);
    assert.deepEqual(fromJson.bot, bot);
  });

  test("keeps Korean text as is and repeated objects without YAML aliases", () => {
    const parsed = parseBotFile(GOOD_YAML.replace("outputs:\n          - textCard:", "outputs:\n          - textCard:"));
    assert.ok(parsed.ok);
    const shared = { label: "처음으로", action: "block" as const, blockId: "welcome" };
    const bot = { ...parsed.bot };
    const block = bot.scenarios[1]?.blocks[0];
    assert.ok(block);
    block.quickReplies = [shared, shared];
    const yaml = serializeBotFile(bot, "yaml");
    assert.ok(yaml.includes("꽃집 안내봇"));
    assert.ok(!/[&*]a\d/.test(yaml), "no anchors or aliases");
    assert.ok(!yaml.includes("\\u"), "no escaped Hangul");
  });

  test("JSON output ends with a newline and is indented by two spaces", () => {
    const json = serializeBotFile(createBotFile({ name: "봇" }), "json");
    assert.ok(json.endsWith("}\n"));
    assert.ok(json.startsWith('{\n  "schemaVersion": 1,'));
  });
});

describe("helpers", () => {
  test("formatFromFileName", () => {
    assert.equal(formatFromFileName("bot.JSON"), "json");
    assert.equal(formatFromFileName("bot.yaml"), "yaml");
    assert.equal(formatFromFileName("bot.yml"), "yaml");
    assert.equal(formatFromFileName("bot"), "yaml");
  });

  test("formatIssue shows path, line and column", () => {
    assert.equal(formatIssue({ path: "skills[0].url", message: "bad", line: 12, column: 10 }), "skills[0].url (line 12:10): bad");
    assert.equal(formatIssue({ path: "", message: "bad" }), "(document): bad");
  });
});
