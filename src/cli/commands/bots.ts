/** import, export, deploy, versions and rollback: the bot lifecycle from the command line. */
import { readFile, writeFile } from "node:fs/promises";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { type BotFileFormat, formatIssue, parseBotFile } from "../../core/bot/bot-file.js";
import { deployBot, diffDraft, exportBot, importBot, rollbackBot } from "../../services/bots.js";
import { CLI_ACTOR, CliError, EXIT, resolveBot, resolveWorkspace, type StoreFlags, withStore, withStoreOptions } from "../shared.js";

export function registerBotCommands(program: Command): void {
  withStoreOptions(
    program
      .command("import")
      .description("import bot files (YAML or JSON); each file is all-or-nothing, and nothing is written for a file with errors")
      .argument("<files...>", "bot files")
      .option("-w, --workspace <id>", "workspace for new bots (default: the oldest)")
      .option("--into <bot>", "replace the draft of this bot (id or name) instead of creating one")
      .option("--no-progress", "do not draw the progress bar"),
  ).action(async (files: string[], flags: StoreFlags & { workspace?: string; into?: string; progress: boolean }) => {
    if (flags.into && files.length > 1) throw new CliError("--into takes exactly one file", EXIT.usage);
    await withStore(flags, async (store) => {
      const bar = flags.progress
        ? new SingleBar({ format: "importing [{bar}] {value}/{total} {file}", noTTYOutput: true, stream: process.stderr, hideCursor: true })
        : undefined;
      const steps = files.length * 3;
      bar?.start(steps, 0, { file: "" });
      let failed = 0;
      for (const file of files) {
        bar?.update({ file });
        const text = await readFile(file, "utf8").catch((e: Error) => {
          throw new CliError(`${file}: cannot read (${e.message})`);
        });
        bar?.increment();
        const parsed = parseBotFile(text);
        bar?.increment();
        if (!parsed.ok) {
          failed++;
          bar?.increment();
          bar?.stop();
          process.stderr.write(`${file}: ${parsed.errors.length} error(s); nothing was imported from this file\n`);
          for (const issue of parsed.errors) process.stderr.write(`  - ${formatIssue(issue)}\n`);
          if (files.length > 1) bar?.start(steps, bar.getProgress() * steps, { file });
          continue;
        }
        const workspaceId = await resolveWorkspace(store, flags.workspace);
        const into = flags.into ? (await resolveBot(store, flags.into)).id : undefined;
        const bot = await importBot(store, CLI_ACTOR, { workspaceId, bot: parsed.bot, intoBotId: into });
        bar?.increment();
        bar?.stop();
        process.stdout.write(`${file}: ${into ? "replaced the draft of" : "imported as"} bot ${bot.id} (${bot.name})\n`);
        if (files.indexOf(file) < files.length - 1) bar?.start(steps, bar.getProgress() * steps, { file });
      }
      bar?.stop();
      if (failed > 0) throw new CliError(`${failed} of ${files.length} file(s) had errors`);
    });
  });

  withStoreOptions(
    program
      .command("export")
      .description("write a bot's draft (or a deployed version) as a bot file")
      .argument("<bot>", "bot id or name")
      .option("-f, --format <format>", "yaml or json", "yaml")
      .option("-v, --version <n>", "export this deployed version instead of the draft")
      .option("-o, --output <file>", "write to a file instead of standard output"),
  ).action(async (ref: string, flags: StoreFlags & { format: string; version?: string; output?: string }) => {
    if (flags.format !== "yaml" && flags.format !== "json")
      throw new CliError(`--format: must be yaml or json, got "${flags.format}"`, EXIT.usage);
    const format: BotFileFormat = flags.format;
    const version = flags.version === undefined ? undefined : parsePositiveInt(flags.version, "--version");
    await withStore(flags, async (store) => {
      const bot = await resolveBot(store, ref);
      const text = await exportBot(store, CLI_ACTOR, bot.id, format, version);
      if (flags.output) await writeFile(flags.output, text, "utf8");
      else process.stdout.write(text);
    });
  });

  withStoreOptions(
    program
      .command("deploy")
      .description("deploy a bot's draft as its next version")
      .argument("<bot>", "bot id or name")
      .option("-m, --note <text>", "what this version changes", ""),
  ).action(async (ref: string, flags: StoreFlags & { note: string }) => {
    await withStore(flags, async (store) => {
      const bot = await resolveBot(store, ref);
      const version = await deployBot(store, CLI_ACTOR, bot.id, flags.note);
      process.stdout.write(`deployed ${bot.name} as v${version.version}\n`);
    });
  });

  withStoreOptions(
    program
      .command("versions")
      .description("list a bot's versions (the serving one is marked *) and what the draft changes")
      .argument("<bot>", "bot id or name")
      .option("--json", "print JSON"),
  ).action(async (ref: string, flags: StoreFlags & { json?: boolean }) => {
    await withStore(flags, async (store) => {
      const bot = await resolveBot(store, ref);
      const versions = await store.bots.versions(bot.id);
      const diff = bot.deployedVersion === null ? undefined : (await diffDraft(store, CLI_ACTOR, bot.id)).diff;
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ deployedVersion: bot.deployedVersion, versions, draftChanges: diff }, null, 2)}\n`);
        return;
      }
      if (versions.length === 0) process.stdout.write(`${bot.name}: not deployed yet\n`);
      for (const v of versions) {
        const mark = v.version === bot.deployedVersion ? "*" : " ";
        process.stdout.write(`${mark} v${v.version}  ${v.createdAt}  ${v.createdBy ?? "-"}  ${v.note}\n`);
      }
      if (diff) {
        const { added, changed, removed } = diff.blocks;
        process.stdout.write(
          diff.identical
            ? "draft: same as the serving version\n"
            : `draft vs v${bot.deployedVersion}: ${added.length} block(s) added, ${changed.length} changed, ${removed.length} removed\n`,
        );
        for (const b of added) process.stdout.write(`  + ${b.name}\n`);
        for (const b of changed) process.stdout.write(`  ~ ${b.name} (${b.fields.join(", ")})\n`);
        for (const b of removed) process.stdout.write(`  - ${b.name}\n`);
      }
    });
  });

  withStoreOptions(
    program
      .command("rollback")
      .description("serve an earlier version again (the draft is kept)")
      .argument("<bot>", "bot id or name")
      .argument("<version>", "version number, e.g. 3 or v3"),
  ).action(async (ref: string, versionText: string, flags: StoreFlags) => {
    const version = parsePositiveInt(versionText.replace(/^v/i, ""), "version");
    await withStore(flags, async (store) => {
      const bot = await resolveBot(store, ref);
      await rollbackBot(store, CLI_ACTOR, bot.id, version);
      process.stdout.write(`${bot.name} now serves v${version}\n`);
    });
  });
}

function parsePositiveInt(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`${name}: must be a positive whole number, got "${text}"`, EXIT.usage);
  return n;
}
