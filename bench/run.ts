/**
 * `npm run bench`: every benchmark, one process each (so heap numbers do not mix), one after another
 * (so they do not compete for the two cores). The matcher and search benchmarks read ../shared/data;
 * without it they are skipped with a note. Results land in bench/results/*.json.
 * Usage: npm run bench [-- nlu search skill]
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const shared = fileURLToPath(new URL("../../shared/data", import.meta.url));

const BENCHES: Array<{ name: string; file: string; needsData: boolean; what: string }> = [
  { name: "nlu", file: "bench/nlu.ts", needsData: true, what: "intent matching: botcenter vs NLP.js on parakqc" },
  { name: "search", file: "bench/search.ts", needsData: true, what: "help search: botcenter vs minisearch on ko-chatbot-faq" },
  { name: "skill", file: "bench/skill.ts", needsData: false, what: "skill round-trip overhead vs a direct call" },
];

const wanted = process.argv.slice(2);
let failed = 0;
for (const bench of BENCHES) {
  if (wanted.length > 0 && !wanted.includes(bench.name)) continue;
  process.stdout.write(`\n=== ${bench.name}: ${bench.what}\n`);
  if (bench.needsData && !existsSync(shared)) {
    process.stdout.write(`skipped: ${shared} is not here (the benchmark data sits beside the clone, in shared/data)\n`);
    continue;
  }
  const result = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", bench.file], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    failed++;
    process.stdout.write(`${bench.name}: exited with ${result.status}\n`);
  }
}
process.exit(failed > 0 ? 1 : 0);
