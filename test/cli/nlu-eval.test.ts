/** `botcenter nlu-eval`: the report a bot builder reads and the predictions file beside it. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const dir = mkdtempSync(join(tmpdir(), "botcenter-nlu-eval-"));
const tsv = (rows: Array<[string, string]>) => ["intent\ttext", ...rows.map(([i, t]) => `${i}\t${t}`)].join("\n");

test("TSV mode prints accuracy and out-of-scope acceptance and writes one prediction per utterance", () => {
  writeFileSync(
    join(dir, "train.tsv"),
    tsv([
      ["delivery", "배송 조회"],
      ["delivery", "택배 언제 와요"],
      ["delivery", "배송 상태 알려줘"],
      ["hours", "영업시간 알려줘"],
      ["hours", "몇 시까지 해요"],
      ["hours", "언제 문 열어요"],
    ]),
  );
  writeFileSync(
    join(dir, "test.tsv"),
    tsv([
      ["delivery", "배송조회 해줘"],
      ["hours", "영업 시간이 어떻게 돼요"],
    ]),
  );
  writeFileSync(join(dir, "ood.tsv"), tsv([["__ood__", "오늘 점심 뭐 먹지"]]));
  const out = join(dir, "pred.jsonl");
  const res = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "src/cli/main.ts",
      "nlu-eval",
      "--train",
      join(dir, "train.tsv"),
      "--test",
      join(dir, "test.tsv"),
      "--ood",
      join(dir, "ood.tsv"),
      "--predictions",
      out,
    ],
    { encoding: "utf8" },
  );
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stdout, /top-1 +100\.0%/);
  assert.match(res.stdout, /out-of-scope accepted 0\.0%/);
  const lines = readFileSync(out, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { expected: string; predicted: string | null });
  assert.equal(lines.length, 3);
  assert.deepEqual(
    lines.slice(0, 2).map((l) => l.predicted),
    ["delivery", "hours"],
  );
});

test("without data it says what to pass and exits 2", () => {
  const res = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "nlu-eval"], { encoding: "utf8" });
  assert.equal(res.status, 2);
  assert.match(res.stderr, /pass --bot FILE, or --train TSV and --test TSV/);
});
