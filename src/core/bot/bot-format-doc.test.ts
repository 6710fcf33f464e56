/** docs/bot-format.md promises its examples import; keep the document honest. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parseBotFile } from "./bot-file.js";

const DOC = readFileSync(new URL("../../../docs/bot-format.md", import.meta.url), "utf8");

function codeBlocks(language: string): string[] {
  const fence = "```";
  return [...DOC.matchAll(new RegExp(`${fence}${language}\\n([\\s\\S]*?)${fence}`, "g"))].map((m) => m[1] ?? "");
}

test("the complete YAML and JSON examples are valid and describe the same bot", () => {
  const [yaml] = codeBlocks("yaml");
  const [json] = codeBlocks("json");
  assert.ok(yaml && json, "the document has a YAML and a JSON example");
  const fromYaml = parseBotFile(yaml);
  const fromJson = parseBotFile(json);
  assert.ok(fromYaml.ok, JSON.stringify(!fromYaml.ok && fromYaml.errors));
  assert.ok(fromJson.ok, JSON.stringify(!fromJson.ok && fromJson.errors));
  assert.deepEqual(fromJson.bot, fromYaml.bot);
  assert.equal(fromYaml.bot.name, "하루커피 주문 도우미");
});

test("the error example is valid JSON in the API's error shape", () => {
  const examples = codeBlocks("json").map((text) => JSON.parse(text) as Record<string, unknown>);
  const errorExample = examples.find((e) => "error" in e) as { error: { code: string; details: Array<{ path: string; line: number }> } };
  assert.equal(errorExample.error.code, "invalid_bot_file");
  assert.ok(errorExample.error.details.every((d) => d.path.length > 0 && d.line > 0));
});
