import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildSearchIndex, type SearchDocument } from "./index.js";
import { buildReranker, RERANK_FEATURES, RERANK_WEIGHTS, rerankScore } from "./rerank.js";

// Short FAQ-style questions, like a bot's knowledge base.
const TITLES = ["감기 걸린 것 같아", "몸살 감기에 걸릴 거 같아", "동상 걸릴 뻔했어", "감기가 오려나", "결혼식 너무 많아"];
const context = { score: 0.4, topScore: 0.5, rank: 1 };

describe("buildReranker", () => {
  const reranker = buildReranker(TITLES);

  test("gives one value per weight, and nothing for an empty query", () => {
    assert.equal(RERANK_WEIGHTS.length, RERANK_FEATURES);
    assert.equal(reranker.prepare("   ")?.features(0, context), undefined);
    assert.equal(reranker.prepare("감기")?.features(0, context).length, RERANK_FEATURES);
  });

  test("prefers the title that shares the query's topic word over one sharing only the predicate", () => {
    const prepared = reranker.prepare("감기가 걸릴 거 같아");
    assert.ok(prepared);
    // Same first-stage evidence for both, so only the title features decide.
    const withTopic = rerankScore(prepared.features(3, context));
    const predicateOnly = rerankScore(prepared.features(2, context));
    assert.ok(withTopic > predicateOnly, `${withTopic} <= ${predicateOnly}`);
  });

  test("an identical title scores the full cosine and covers the whole query", () => {
    const features = reranker.prepare("결혼식 너무 많아")?.features(4, context) ?? [];
    assert.ok(Math.abs((features[3] ?? 0) - 1) < 1e-6, `cosine ${features[3]}`);
    // Longest common subsequence / substring relative to the query: all of it.
    assert.equal(features[17], 1);
    assert.equal(features[19], 1);
  });
});

describe("second stage inside the index", () => {
  const docs: SearchDocument[] = TITLES.map((title, i) => ({ id: String(i), title, body: "" }));

  test("re-orders hits but keeps scores falling with rank and within the first-stage values", () => {
    const plain = buildSearchIndex(docs, { tuning: { rerankDepth: 0 } }).search("감기가 걸릴 거 같아");
    const reranked = buildSearchIndex(docs).search("감기가 걸릴 거 같아");
    assert.deepEqual(reranked.map((h) => h.id).sort(), plain.map((h) => h.id).sort());
    assert.deepEqual(
      reranked.map((h) => h.score),
      plain.map((h) => h.score),
    );
  });
});
