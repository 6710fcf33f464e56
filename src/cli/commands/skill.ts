/** `botcenter skill validate|payload`: check a SkillResponse file, print a sample SkillPayload. */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { formatIssue, parseBotFile } from "../../core/bot/bot-file.js";
import { buildSkillPayload } from "../../core/skill/payload.js";
import { validateSkillResponse } from "../../core/skill/validate-response.js";
import { CliError, EXIT } from "../shared.js";

async function readInput(file: string): Promise<string> {
  if (file !== "-") return readFile(file, "utf8");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}

export function registerSkill(program: Command): void {
  const skill = program.command("skill").description("tools for skill developers (validate, payload)");

  skill
    .command("validate")
    .description("validate a SkillResponse JSON file against every component rule and limit (exit 0 valid, 1 not)")
    .argument("<file>", "JSON file, or - for standard input")
    .option("--callback", "the block allows callbacks (useCallback: true is valid)")
    .option("--data-only", "the block renders its own outputs from {{#webhook.*}} (data without template is valid)")
    .action(async (file: string, flags: { callback?: boolean; dataOnly?: boolean }) => {
      const text = await readInput(file);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new CliError(`${file}: not JSON (${error instanceof Error ? error.message : error})`);
      }
      const result = validateSkillResponse(json, { usesSkillData: !flags.dataOnly, allowCallback: Boolean(flags.callback) });
      for (const f of result.findings) process.stdout.write(`${f.severity}: ${f.message}\n`);
      if (!result.ok)
        throw new CliError(`${file}: not a valid SkillResponse (${result.findings.filter((f) => f.severity === "error").length} error(s))`);
      process.stdout.write(`${file}: valid\n`);
    });

  skill
    .command("payload")
    .description("print a sample SkillPayload that a block of a bot file would send")
    .requiredOption("--bot <file>", "bot file")
    .option("--block <name>", "block name or id (default: the first block with a skill)")
    .option("--utterance <text>", "the user's text", "")
    .option("--test", "as the bot test panel sends it (surface BuilderBotTest)")
    .action(async (flags: { bot: string; block?: string; utterance: string; test?: boolean }) => {
      const parsed = parseBotFile(await readFile(flags.bot, "utf8"));
      if (!parsed.ok) throw new CliError(`${flags.bot}:\n${parsed.errors.map((e) => `  - ${formatIssue(e)}`).join("\n")}`);
      const bot = parsed.bot;
      const blocks = bot.scenarios.flatMap((s) => s.blocks);
      const block = flags.block
        ? blocks.find((b) => b.name === flags.block || b.id === flags.block)
        : blocks.find((b) => b.skill !== undefined || (b.useSkillData && bot.settings.defaultSkill));
      if (!block)
        throw new CliError(
          flags.block ? `no block "${flags.block}" in ${flags.bot}` : `no block with a skill in ${flags.bot}`,
          EXIT.failed,
        );
      const skillId = block.skill ?? bot.settings.defaultSkill;
      const def = bot.skills.find((s) => s.id === skillId);
      const payload = buildSkillPayload({
        bot: { id: "000000000000000000000000", name: bot.name },
        block: { id: block.id, name: block.name },
        skill: { id: def?.id ?? "", name: def?.name ?? "" },
        utterance: flags.utterance || block.utterances[0] || block.name,
        lang: bot.language,
        timezone: bot.timezone,
        surface: flags.test ? "test" : "channel",
        user: { botUserKey: "0".repeat(64), plusfriendUserKey: "samplePfKey1", isFriend: true },
      });
      process.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
    });
}
