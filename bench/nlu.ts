// Intent-matching benchmark: botcenter's matcher vs NLP.js (node-nlp) on ../shared/data/parakqc.
// Run: node --import tsx bench/nlu.ts [--no-nlpjs] [--no-write]
// Both engines train on the same train split and are scored on the same test split and
// out-of-scope files. botcenter's threshold is DEFAULT_MATCH_THRESHOLD, which was chosen
// on training data only; the calibration is re-run here and printed next to it.
// Writes bench/results/nlu.json.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { NlpManager } from "node-nlp";
import { calibrateThreshold, parseIntentTsv } from "../src/core/nlu/evaluate.js";
import { buildMatcher, DEFAULT_MATCH_THRESHOLD, type TrainingExample } from "../src/core/nlu/matcher.js";

const dataDir = new URL("../../shared/data/parakqc/", import.meta.url);
const args = new Set(process.argv.slice(2));

function load(name: string): TrainingExample[] {
  return parseIntentTsv(readFileSync(new URL(name, dataDir), "utf8"));
}

// A real collection before each heap reading; works without --expose-gc on the command line.
setFlagsFromString("--expose-gc");
const collected: unknown = runInNewContext("gc");
function collect(): void {
  if (typeof collected === "function") collected();
}
/** Live heap plus typed-array memory after full collections (freed buffers are released lazily). */
async function heapBytes(): Promise<number> {
  for (let round = 0; round < 3; round++) {
    collect();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const usage = process.memoryUsage();
  // Typed arrays live outside the JS heap; count them too.
  return usage.heapUsed + usage.arrayBuffers;
}

/** One engine's answer for an utterance: ranked intents and whether it was accepted. */
interface Answer {
  ranked: string[];
  accepted: boolean;
}

interface Engine {
  name: string;
  answer: (text: string) => Promise<Answer> | Answer;
}

interface RunResult {
  engine: string;
  dataset: string;
  intents: number;
  train: number;
  test: number;
  threshold: number | null;
  top1: number;
  top3: number;
  inScopeAccuracy: number;
  fallbackRate: number;
  oodNear: number | null;
  oodFar: number;
  oodBoth: number | null;
  buildMs: number;
  /** CPU time of the build (all threads); wall time suffers when the machine is busy. */
  buildCpuMs: number;
  heapMB: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time per call: unlike wall time it does not include waiting for a busy CPU. */
  p50CpuMs: number;
  p99CpuMs: number;
}

interface Dataset {
  name: string;
  train: TrainingExample[];
  test: TrainingExample[];
  oodNear: TrainingExample[];
  oodFar: TrainingExample[];
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function share(rows: readonly Answer[], pick: (a: Answer, k: number) => boolean): number {
  return rows.length === 0 ? 0 : rows.filter(pick).length / rows.length;
}

interface BuildCost {
  buildMs: number;
  buildCpuMs: number;
  heapMB: number;
}

async function score(engine: Engine, data: Dataset, cost: BuildCost, threshold: number | null): Promise<RunResult> {
  const inScope: Answer[] = [];
  for (const row of data.test) inScope.push(await engine.answer(row.text));
  const near: Answer[] = [];
  for (const row of data.oodNear) near.push(await engine.answer(row.text));
  const far: Answer[] = [];
  for (const row of data.oodFar) far.push(await engine.answer(row.text));

  // Latency on a second, warm pass over every utterance, after a full GC so garbage left by
  // the previous engine's run is not collected inside this engine's timings.
  collect();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (const row of [...data.test, ...data.oodNear, ...data.oodFar]) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await engine.answer(row.text);
    times.push(performance.now() - start);
    cpuTimes.push(cpuMs(cpu));
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);

  const gold = (k: number) => data.test[k]?.intent ?? "";
  const hasNear = data.oodNear.length > 0;
  return {
    engine: engine.name,
    dataset: data.name,
    intents: new Set(data.train.map((r) => r.intent)).size,
    train: data.train.length,
    test: data.test.length,
    threshold,
    top1: share(inScope, (a, k) => a.ranked[0] === gold(k)),
    top3: share(inScope, (a, k) => a.ranked.slice(0, 3).includes(gold(k))),
    inScopeAccuracy: share(inScope, (a, k) => a.accepted && a.ranked[0] === gold(k)),
    fallbackRate: share(inScope, (a) => !a.accepted),
    oodNear: hasNear ? share(near, (a) => a.accepted) : null,
    oodFar: share(far, (a) => a.accepted),
    oodBoth: hasNear ? share([...near, ...far], (a) => a.accepted) : null,
    ...cost,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    p50CpuMs: percentile(cpuTimes, 50),
    p99CpuMs: percentile(cpuTimes, 99),
  };
}

async function runBotcenter(data: Dataset): Promise<RunResult> {
  const before = await heapBytes();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const matcher = buildMatcher(data.train);
  const buildMs = performance.now() - start;
  const buildCpuMs = cpuMs(cpu);
  const heapMB = ((await heapBytes()) - before) / 2 ** 20;
  const engine: Engine = {
    name: "botcenter",
    answer: (text) => {
      const result = matcher.match(text, { topK: 3 });
      return { ranked: result.candidates.map((c) => c.intent), accepted: result.accepted };
    },
  };
  return score(engine, data, { buildMs, buildCpuMs, heapMB }, matcher.threshold);
}

async function runNlpJs(data: Dataset): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), "botcenter-nlpjs-"));
  try {
    const before = await heapBytes();
    const cpu = process.cpuUsage();
    const start = performance.now();
    const manager = new NlpManager({
      languages: ["ko"],
      autoSave: false,
      modelFileName: join(dir, "model.nlp"),
      nlu: { log: false },
    });
    for (const row of data.train) manager.addDocument("ko", row.text, row.intent);
    await manager.train();
    const buildMs = performance.now() - start;
    const buildCpuMs = cpuMs(cpu);
    const heapMB = ((await heapBytes()) - before) / 2 ** 20;
    const engine: Engine = {
      name: "NLP.js",
      answer: async (text) => {
        const result = await manager.process("ko", text);
        const ranked = (result.classifications ?? []).map((c) => c.intent).filter((i) => i !== "None");
        return { ranked, accepted: result.intent !== "None" };
      },
    };
    // NLP.js decides acceptance with its own default threshold (0.5 on its score).
    return await score(engine, data, { buildMs, buildCpuMs, heapMB }, null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pct(value: number | null): string {
  return value === null ? "–" : `${(value * 100).toFixed(1)}%`;
}

function printTable(results: readonly RunResult[]): void {
  const header = [
    "dataset",
    "engine",
    "top-1",
    "top-3",
    "in-scope@thr",
    "OOD near",
    "OOD far",
    "OOD both",
    "build (cpu)",
    "heap",
    "p50 (cpu)",
    "p99 (cpu)",
  ];
  const rows = results.map((r) => [
    `${r.dataset} (${r.intents})`,
    r.engine,
    pct(r.top1),
    pct(r.top3),
    pct(r.inScopeAccuracy),
    pct(r.oodNear),
    pct(r.oodFar),
    pct(r.oodBoth),
    `${r.buildMs.toFixed(0)} ms (${r.buildCpuMs.toFixed(0)})`,
    `${r.heapMB.toFixed(1)} MB`,
    `${r.p50Ms.toFixed(3)} ms (${r.p50CpuMs.toFixed(3)})`,
    `${r.p99Ms.toFixed(3)} ms (${r.p99CpuMs.toFixed(3)})`,
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? "").length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(" | ")} |`;
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  const oodFar = load("ood-far.tsv");
  const datasets: Dataset[] = [
    {
      name: "bot100",
      train: load("bot100/train.tsv"),
      test: load("bot100/test.tsv"),
      oodNear: load("bot100/ood-near.tsv"),
      oodFar,
    },
    // bot100's ood-near rows are test rows of intents that this bot has, so only ood-far applies.
    { name: "all1000", train: load("train.tsv"), test: load("test.tsv"), oodNear: [], oodFar },
  ];

  // Threshold selection on training data only (pseudo out-of-scope = held-out intents).
  const calibration = calibrateThreshold(datasets[0]?.train ?? []);
  console.log(
    `threshold: default ${DEFAULT_MATCH_THRESHOLD}; re-calibrated on bot100/train.tsv: ${calibration.threshold.toFixed(4)}` +
      ` (pseudo in-scope accuracy ${pct(calibration.inScopeAccuracy)}, pseudo OOD accepted ${pct(calibration.outOfScopeAcceptance)})`,
  );

  const results: RunResult[] = [];
  for (const data of datasets) {
    results.push(await runBotcenter(data));
    if (!args.has("--no-nlpjs")) results.push(await runNlpJs(data));
  }
  printTable(results);

  const machine = {
    node: process.version,
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? "unknown",
    /** 1-minute load average at the end: timings are only meaningful when it is below the CPU count. */
    loadAverage: Number((loadavg()[0] ?? 0).toFixed(2)),
  };
  console.log(`machine: ${machine.cpus} CPUs (${machine.cpuModel}), node ${machine.node}, load average ${machine.loadAverage}`);
  if (!args.has("--no-write")) {
    const out = new URL("results/nlu.json", import.meta.url);
    const report = {
      machine,
      defaultThreshold: DEFAULT_MATCH_THRESHOLD,
      calibratedThreshold: calibration.threshold,
      results,
    };
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`wrote ${out.pathname}`);
  }
}

await main();
