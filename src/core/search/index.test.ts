import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildSearchIndex, type SearchDocument } from "./index.js";

// A small help center written for these tests.
const ARTICLES: SearchDocument[] = [
  {
    id: "plugin",
    title: "플러그인 등록 및 관리",
    body: "챗봇에 플러그인을 등록하면 사용자 동의나 주소 입력 같은 기능을 블록에서 바로 쓸 수 있습니다. 등록한 플러그인은 설정 화면에서 관리합니다.",
    tags: ["plugin", "동의"],
    category: "봇 만들기",
  },
  {
    id: "skill",
    title: "스킬 서버 연결하기",
    body: "스킬(skill)은 블록이 실행될 때 외부 서버로 요청을 보내 응답을 만드는 기능입니다. 스킬 서버를 등록하려면 URL을 입력하고 저장합니다.",
    tags: ["skill"],
    category: "스킬",
  },
  {
    id: "block",
    title: "블록 만들기",
    body: "시나리오 안에 블록을 추가하고 사용자 발화 패턴과 봇 응답을 입력합니다.",
    category: "봇 만들기",
  },
  {
    id: "parameter",
    title: "파라미터 설정",
    body: "블록에서 필요한 값을 파라미터로 받아 스킬에 전달합니다. 필수 파라미터가 비어 있으면 되묻기 질문을 합니다.",
    category: "봇 만들기",
  },
  {
    id: "deploy",
    title: "배포와 버전 관리",
    body: "수정한 시나리오는 배포해야 사용자에게 보입니다. 배포할 때마다 버전이 기록되어 이전 버전으로 되돌릴 수 있습니다.",
    category: "운영",
  },
  {
    id: "handoff",
    title: "상담원 연결",
    body: "봇이 답하지 못하는 질문은 상담원에게 넘길 수 있습니다. 상담 시간이 아니면 안내 메시지를 보냅니다.",
    category: "운영",
  },
  {
    id: "welcome",
    title: "웰컴 블록 설정",
    body: "사용자가 채널에 처음 들어왔을 때 보여줄 인사말을 웰컴 블록에 입력합니다.",
    category: "봇 만들기",
  },
];

const index = buildSearchIndex(ARTICLES);
const topId = (query: string, idx = index): string | undefined => idx.search(query)[0]?.id;
const ids = (query: string, idx = index): string[] => idx.search(query).map((h) => h.id);

describe("buildSearchIndex", () => {
  test("reports its size and finds an article by its title words", () => {
    assert.equal(index.size, ARTICLES.length);
    assert.equal(topId("플러그인 등록"), "plugin");
    assert.equal(topId("상담원 연결"), "handoff");
  });

  test("is spacing-insensitive", () => {
    assert.equal(topId("플러그인등록"), "plugin");
    assert.equal(topId("상담원연결"), "handoff");
    assert.equal(topId("배포와버전"), "deploy");
    // Extra spaces inside a word still land on the same article.
    assert.equal(topId("플러 그인"), "plugin");
  });

  test("strips particles and endings", () => {
    for (const query of ["플러그인을", "플러그인이", "플러그인에서는", "배포하려면", "상담원에게"]) {
      assert.notEqual(topId(query), undefined, query);
    }
    assert.equal(topId("플러그인을"), "plugin");
    assert.equal(topId("플러그인이"), "plugin");
    assert.equal(topId("배포하려면"), "deploy");
    assert.deepEqual(index.search("플러그인을")[0]?.matchedTerms, ["플러그인"]);
  });

  test("matches partial words and prefixes", () => {
    assert.equal(topId("플러그"), "plugin");
    assert.equal(topId("파라미"), "parameter");
    assert.equal(topId("웰컴"), "welcome");
    // A single syllable still finds something sensible.
    assert.equal(topId("웰"), "welcome");
  });

  test("tolerates small typos", () => {
    assert.equal(topId("플러그잉 등록"), "plugin"); // wrong final consonant
    assert.equal(topId("블럭 만들기"), "block"); // wrong vowel
    assert.equal(topId("파라메터"), "parameter"); // common misspelling
    assert.equal(topId("deplyo 배포"), "deploy");
  });

  test("answers 초성 queries", () => {
    assert.equal(topId("ㅍㄹㄱㅇ"), "plugin");
    assert.equal(topId("ㅂㅍ"), "deploy");
    assert.equal(topId("ㅅㄷㅇ"), "handoff");
    // Spacing-insensitive too: 초성 of "상담원 연결".
    assert.equal(topId("ㅅㄷㅇㅇㄱ"), "handoff");
    // Mixed with a normal word.
    assert.equal(topId("ㅍㄹㄱㅇ 관리"), "plugin");
    assert.deepEqual(index.search("ㅍㄹㄱㅇ")[0]?.matchedTerms, ["ㅍㄹㄱㅇ"]);
  });

  test("handles Korean/English mixes and English case", () => {
    assert.equal(topId("skill 서버"), "skill");
    assert.equal(topId("SKILL등록"), "skill");
    assert.equal(topId("plugins"), "plugin"); // plural folded onto the tag "plugin"
  });

  test("applies admin synonyms both ways", () => {
    // Nothing mentions 웹훅, so without synonyms the skill article cannot win on it.
    assert.equal(ids("웹훅").includes("skill"), false);
    const withSynonyms = buildSearchIndex(ARTICLES, {
      synonyms: [
        ["스킬", "skill", "웹훅"],
        ["상담원", "operator"],
      ],
    });
    assert.equal(topId("웹훅", withSynonyms), "skill");
    assert.equal(topId("웹훅 연결하기", withSynonyms), "skill");
    assert.equal(topId("operator", withSynonyms), "handoff");
    assert.ok(withSynonyms.search("웹훅")[0]?.matchedTerms.includes("스킬"));
  });

  test("ranks by score, honours limit and filter", () => {
    const hits = index.search("블록");
    assert.ok(hits.length >= 3);
    for (let i = 1; i < hits.length; i++) assert.ok((hits[i - 1]?.score ?? 0) >= (hits[i]?.score ?? 0));
    for (const h of hits) assert.ok(h.score > 0 && h.score < 1, `score ${h.score} in (0, 1)`);
    assert.equal(hits[0]?.id, "block"); // title match beats body mentions
    assert.equal(index.search("블록", { limit: 2 }).length, 2);
    const filtered = index.search("블록", { filter: (id) => id !== "block" });
    assert.ok(filtered.length > 0);
    assert.ok(filtered.every((h) => h.id !== "block"));
  });

  test("an exact title scores higher than a loose match, usable as a threshold", () => {
    const exact = index.search("상담원 연결")[0]?.score ?? 0;
    const loose = index.search("상담 시간 안내 메시지 휴일")[0]?.score ?? 0;
    assert.ok(exact > 0.5, `exact ${exact}`);
    assert.ok(exact > loose);
  });

  test("skips very common features in big indexes, but never all of a query's features", () => {
    // Pretend this small index is big: anything in over 30% of articles is "common".
    const pruned = buildSearchIndex(ARTICLES, { tuning: { stopShare: 0.3, stopMinDocs: 0 } });
    // "블록" is in most articles; alone it must still find the block article.
    assert.equal(topId("블록", pruned), "block");
    // Next to a rarer word, the rare word decides.
    assert.equal(topId("블록 인사말", pruned), "welcome");
  });

  test("returns nothing for empty, punctuation-only or unrelated queries", () => {
    assert.deepEqual(index.search(""), []);
    assert.deepEqual(index.search("  ?! "), []);
    assert.deepEqual(index.search("zzqx"), []);
    assert.deepEqual(buildSearchIndex([]).search("플러그인"), []);
  });
});
