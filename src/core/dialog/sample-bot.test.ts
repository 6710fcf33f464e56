// Runs the stories of every sample bot under bots/ (the same check `botcenter test bots/<name>` does).
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parseBotFile } from "../bot/bot-file.js";
import { compileBot } from "./compile.js";
import { formatStoryReport, runStories } from "./stories.js";

const botsDir = new URL("../../../bots/", import.meta.url).pathname;

for (const name of readdirSync(botsDir).sort()) {
  const botPath = join(botsDir, name, "bot.yaml");
  if (!existsSync(botPath)) continue;
  describe(`sample bot ${name}`, () => {
    const parsed = parseBotFile(readFileSync(botPath, "utf8"));
    test("bot.yaml is valid", () => {
      assert.ok(parsed.ok, parsed.ok ? "" : JSON.stringify(parsed.errors, null, 2));
    });
    if (!parsed.ok) return;
    const compiled = compileBot(parsed.bot);
    const storiesDir = join(botsDir, name, "stories");
    const files = existsSync(storiesDir)
      ? readdirSync(storiesDir)
          .filter((f) => /\.ya?ml$/.test(f))
          .sort()
      : [];
    test("has stories", () => assert.ok(files.length > 0));
    for (const file of files) {
      test(`stories/${file}`, async () => {
        const report = await runStories(compiled, readFileSync(join(storiesDir, file), "utf8"));
        assert.ok(report.passed, `\n${formatStoryReport(report, file)}`);
      });
    }
  });
}
