/** `botcenter test [PATH]`: run conversation stories against a bot file or a stored bot. */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Command } from "commander";
import { formatIssue, parseBotFile } from "../../core/bot/bot-file.js";
import type { BotFile } from "../../core/bot/schema.js";
import { compileBot, formatStoryReport, runStories } from "../../core/dialog/index.js";
import { CliError, EXIT, resolveBot, type StoreFlags, withStore, withStoreOptions } from "../shared.js";

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/** Story files under PATH: a story file itself, or every .yaml/.yml in a folder (and its stories/ folder). */
async function findStoryFiles(path: string): Promise<string[]> {
  if (!(await isDirectory(path))) return [path];
  const dirs = [path];
  if (await isDirectory(join(path, "stories"))) dirs.push(join(path, "stories"));
  const files: string[] = [];
  for (const dir of dirs) {
    for (const name of (await readdir(dir)).sort()) {
      if (/\.ya?ml$/i.test(name) && !/^bot\.(ya?ml|json)$/i.test(name)) files.push(join(dir, name));
    }
  }
  return files;
}

async function loadBotFile(file: string): Promise<BotFile> {
  const parsed = parseBotFile(await readFile(file, "utf8"));
  if (!parsed.ok)
    throw new CliError(`${file}: ${parsed.errors.length} error(s)\n${parsed.errors.map((e) => `  - ${formatIssue(e)}`).join("\n")}`);
  return parsed.bot;
}

export function registerTest(program: Command): void {
  withStoreOptions(
    program
      .command("test")
      .description("run conversation stories (YAML) and exit non-zero when one fails")
      .argument("[path]", "a story file or a bot folder holding bot.yaml and stories/", ".")
      .option("--bot <fileOrBot>", "bot file, or (with --stored) a stored bot's id or name; default: bot.yaml beside the stories")
      .option("--stored", "test the stored bot's draft named by --bot instead of a file")
      .option("--deployed", "with --stored: test the deployed version instead of the draft"),
  ).action(async (path: string, flags: StoreFlags & { bot?: string; stored?: boolean; deployed?: boolean }) => {
    const files = await findStoryFiles(path);
    if (files.length === 0) throw new CliError(`no story files found under ${path}`);
    let bot: BotFile;
    let botLabel: string;
    if (flags.stored) {
      if (!flags.bot) throw new CliError("--stored needs --bot <id or name>", EXIT.usage);
      const ref = flags.bot;
      bot = await withStore(flags, async (store) => {
        const summary = await resolveBot(store, ref);
        if (flags.deployed) {
          const v = await store.bots.deployed(summary.id);
          if (!v) throw new CliError(`${summary.name} has no deployed version`);
          return v.snapshot;
        }
        const full = await store.bots.get(summary.id);
        if (!full) throw new CliError(`no bot ${ref}`);
        return full.draft;
      });
      botLabel = ref;
    } else {
      const botFile = flags.bot ?? (await findBotFile(path));
      bot = await loadBotFile(botFile);
      botLabel = botFile;
    }
    const compiled = compileBot(bot, bot.settings.matchThreshold === undefined ? {} : { threshold: bot.settings.matchThreshold });
    let failed = 0;
    let total = 0;
    for (const file of files) {
      const report = await runStories(compiled, await readFile(file, "utf8"));
      process.stdout.write(`${formatStoryReport(report, basename(file))}\n`);
      total += report.stories.length;
      failed += report.stories.filter((s) => !s.passed).length + (report.errors.length > 0 ? 1 : 0);
    }
    process.stdout.write(`\n${botLabel}: ${total - failed} of ${total} stories passed\n`);
    if (failed > 0) throw new CliError(`${failed} story(ies) failed`);
  });
}

async function findBotFile(path: string): Promise<string> {
  const base = (await isDirectory(path)) ? path : dirname(path);
  for (const dir of [base, dirname(base)]) {
    for (const name of ["bot.yaml", "bot.yml", "bot.json"]) {
      const candidate = join(dir, name);
      if ((await stat(candidate).catch(() => undefined))?.isFile()) return candidate;
    }
  }
  throw new CliError(`no bot.yaml found beside ${path}; pass --bot FILE`, EXIT.usage);
}
