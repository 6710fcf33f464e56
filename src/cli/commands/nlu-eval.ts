/**
 * `botcenter nlu-eval`: how well the matcher separates a bot's blocks (or intents in TSV data) and
 * how often it accepts out-of-scope text. Writes per-utterance predictions as JSON lines.
 */
import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { formatIssue, parseBotFile } from "../../core/bot/bot-file.js";
import { type EvaluationReport, evaluateMatcher, parseIntentTsv } from "../../core/nlu/evaluate.js";
import type { TrainingExample } from "../../core/nlu/matcher.js";
import { CliError, EXIT } from "../shared.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Leave-one-out style split of a bot's own utterances: every 4th example of a block becomes test data. */
function splitBotExamples(examples: TrainingExample[]): { train: TrainingExample[]; test: TrainingExample[] } {
  const seen = new Map<string, number>();
  const train: TrainingExample[] = [];
  const test: TrainingExample[] = [];
  for (const ex of examples) {
    const n = (seen.get(ex.intent) ?? 0) + 1;
    seen.set(ex.intent, n);
    if (n % 4 === 0) test.push(ex);
    else train.push(ex);
  }
  return { train, test };
}

export function registerNluEval(program: Command): void {
  program
    .command("nlu-eval")
    .description("measure matching: top-1, top-3, fallback rate and out-of-scope acceptance")
    .option("--bot <file>", "a bot file: every 4th example utterance of each block is held out as test data")
    .option("--train <tsv>", "training utterances (TSV with intent and text columns)")
    .option("--test <tsv>", "test utterances (TSV)")
    .option("--ood <tsv>", "out-of-scope utterances (TSV); any intent label")
    .option("--threshold <n>", "override the confidence threshold (0-1)")
    .option("--predictions <file>", "where to write per-utterance predictions (JSON lines)", "nlu-eval-predictions.jsonl")
    .option("--no-predictions", "do not write predictions")
    .option("--json", "print the report as JSON")
    .action(
      async (flags: {
        bot?: string;
        train?: string;
        test?: string;
        ood?: string;
        threshold?: string;
        predictions: string | false;
        json?: boolean;
      }) => {
        const threshold = flags.threshold === undefined ? undefined : Number(flags.threshold);
        if (threshold !== undefined && !(threshold >= 0 && threshold <= 1))
          throw new CliError("--threshold: must be between 0 and 1", EXIT.usage);
        let train: TrainingExample[];
        let test: TrainingExample[];
        let ood: TrainingExample[] = [];
        if (flags.bot) {
          const parsed = parseBotFile(await readFile(flags.bot, "utf8"));
          if (!parsed.ok) throw new CliError(`${flags.bot}:\n${parsed.errors.map((e) => `  - ${formatIssue(e)}`).join("\n")}`);
          const examples = parsed.bot.scenarios.flatMap((s) =>
            s.blocks.filter((b) => b.type === "normal").flatMap((b) => b.utterances.map((text) => ({ intent: b.name, text }))),
          );
          ({ train, test } = splitBotExamples(examples));
        } else if (flags.train && flags.test) {
          train = parseIntentTsv(await readFile(flags.train, "utf8"));
          test = parseIntentTsv(await readFile(flags.test, "utf8"));
        } else {
          throw new CliError("pass --bot FILE, or --train TSV and --test TSV", EXIT.usage);
        }
        if (flags.ood) ood = parseIntentTsv(await readFile(flags.ood, "utf8"));
        if (test.length === 0) throw new CliError("no test utterances (a bot needs at least 4 examples in a block for --bot)");
        const report = evaluateMatcher(train, test, ood, threshold === undefined ? {} : { threshold });
        if (flags.predictions) {
          await writeFile(
            flags.predictions,
            report.predictions
              .map((p) => JSON.stringify(p))
              .join("\n")
              .concat("\n"),
            "utf8",
          );
          process.stderr.write(`predictions: ${flags.predictions} (${report.predictions.length} lines)\n`);
        }
        if (flags.json) {
          const { predictions: _omit, ...summary } = report;
          process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        } else process.stdout.write(formatReport(report));
      },
    );
}

function formatReport(r: EvaluationReport): string {
  const lines = [
    `intents ${r.counts.intents}, train ${r.counts.train}, test ${r.counts.test}, out-of-scope ${r.counts.ood}, threshold ${r.threshold.toFixed(3)}`,
    `top-1            ${pct(r.top1)}`,
    `top-3            ${pct(r.top3)}`,
    `in-scope correct ${pct(r.inScopeAccuracy)} (correct and above the threshold)`,
    `fallback         ${pct(r.fallbackRate)} of in-scope test utterances`,
  ];
  if (r.oodAcceptance !== null) lines.push(`out-of-scope accepted ${pct(r.oodAcceptance)}`);
  return `${lines.join("\n")}\n`;
}
