import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildMatcher, DEFAULT_MATCH_THRESHOLD, type TrainingExample } from "./matcher.js";

function examples(intent: string, ...texts: string[]): TrainingExample[] {
  return texts.map((text) => ({ intent, text }));
}

// A small shop customer-service bot, written for these tests.
const shopBot: TrainingExample[] = [
  ...examples("delivery", "배송 조회", "택배 어디쯤 왔어요", "주문한 상품 배송 상태 알려줘", "배송조회 하고 싶어요", "택배 언제 도착해요"),
  ...examples("hours", "영업시간 알려줘", "몇 시에 문 열어요", "주말에도 영업하나요", "가게 몇 시까지 해요", "영업 시간이 어떻게 되나요"),
  ...examples("refund", "환불하고 싶어요", "반품 신청할게요", "환불 절차가 어떻게 되나요", "반품하려면 어떻게 해요"),
  ...examples("gift", "선물 포장 되나요", "선물을 보내고 싶어요", "선물 포장 가능한가요", "선물용으로 포장해 주세요"),
  ...examples("reservation", "예약하고 싶어요", "내일 3시에 예약할게요", "자리 예약 가능해요?", "두 명 예약해 주세요"),
  ...examples("cancel", "주문 취소해줘", "주문한 거 취소하고 싶어요", "주문 취소 방법 알려줘"),
  ...examples("wifi", "wifi 비밀번호 알려줘", "와이파이 비번 뭐예요", "WiFi password", "와이파이 연결이 안 돼요"),
];

const matcher = buildMatcher(shopBot);

function assertMatches(text: string, intent: string): void {
  const result = matcher.match(text);
  assert.equal(result.intent, intent, `${text} -> ${JSON.stringify(result.candidates.slice(0, 2))}`);
  assert.equal(result.accepted, true);
}

describe("buildMatcher", () => {
  test("lists intents in training order and uses the calibrated default threshold", () => {
    assert.deepEqual(matcher.intents, ["delivery", "hours", "refund", "gift", "reservation", "cancel", "wifi"]);
    assert.equal(matcher.threshold, DEFAULT_MATCH_THRESHOLD);
    assert.equal(buildMatcher(shopBot, { threshold: 0.9 }).threshold, 0.9);
  });

  test("tolerates spacing variants", () => {
    assertMatches("배송조회해줘", "delivery");
    assertMatches("배송 조회 해 주세요", "delivery");
    assertMatches("주문취소", "cancel");
  });

  test("tolerates particles and endings", () => {
    assertMatches("선물이 포장되나요", "gift");
    assertMatches("선물 포장이 되나요?", "gift");
    assertMatches("내일 2명 예약", "reservation");
  });

  test("tolerates a small typo", () => {
    assertMatches("영엽시간 알려줘", "hours");
    assertMatches("영업시갼 알려줘", "hours");
  });

  test("handles mixed Korean and English", () => {
    assertMatches("WIFI 비밀번호", "wifi");
  });

  test("rejects out-of-scope input so the fallback block runs", () => {
    for (const text of ["오늘 저녁 메뉴 추천해줘", "사랑해", "날씨 어때", "주식 투자 어떻게 해"]) {
      const result = matcher.match(text);
      assert.equal(result.accepted, false, text);
      assert.equal(result.intent, null, text);
      assert.ok(result.score < matcher.threshold, text);
    }
  });

  test("an exact or space-insensitive exact utterance wins with score 1", () => {
    for (const text of ["주문 취소해줘", "주문취소해줘!", "WIFI PASSWORD"]) {
      const result = matcher.match(text);
      assert.equal(result.exact, true, text);
      assert.equal(result.score, 1);
      assert.equal(result.accepted, true);
      assert.equal(result.candidates[0]?.score, 1);
    }
    assert.equal(matcher.match("주문 취소해줘").intent, "cancel");
    assert.equal(matcher.match("주문 취소해줘").candidates[0]?.example, "주문 취소해줘");
    // Even a threshold of 1 accepts an exact hit.
    assert.equal(buildMatcher(shopBot, { threshold: 1 }).match("배송 조회").intent, "delivery");
  });

  test("never returns an intent outside the eligible set", () => {
    const eligible = new Set(["hours", "gift"]);
    const result = matcher.match("주문 취소해줘", { eligible });
    assert.equal(result.exact, false);
    assert.notEqual(result.intent, "cancel");
    for (const candidate of result.candidates) assert.ok(eligible.has(candidate.intent), candidate.intent);
    // The eligible intent wins when the input is about it.
    assert.equal(matcher.match("선물 포장 되나요", { eligible }).intent, "gift");
    // Nothing eligible: nothing matches.
    const none = matcher.match("배송 조회", { eligible: new Set() });
    assert.equal(none.intent, null);
    assert.deepEqual(none.candidates, []);
  });

  test("eligibility changes the runner-up, so confidence rises when a rival is filtered out", () => {
    const text = "주문 상품 배송 취소";
    const open = matcher.match(text);
    const onlyCancel = matcher.match(text, { eligible: new Set(["cancel", "hours"]) });
    const cancelOpen = open.candidates.find((c) => c.intent === "cancel");
    assert.ok(cancelOpen !== undefined);
    assert.equal(onlyCancel.candidates[0]?.intent, "cancel");
    assert.ok((onlyCancel.candidates[0]?.score ?? 0) >= cancelOpen.score);
  });

  test("explains the decision: ranked candidates with their nearest example", () => {
    const result = matcher.match("택배가 언제 도착하나요", { topK: 3 });
    assert.equal(result.candidates.length, 3);
    assert.equal(result.candidates[0]?.intent, "delivery");
    assert.equal(result.candidates[0]?.example, "택배 언제 도착해요");
    for (let k = 1; k < result.candidates.length; k++) {
      assert.ok((result.candidates[k - 1]?.score ?? 0) >= (result.candidates[k]?.score ?? 0));
    }
    const byIntent = new Map(shopBot.map((e) => [e.text, e.intent]));
    for (const candidate of result.candidates) {
      assert.equal(byIntent.get(candidate.example ?? ""), candidate.intent);
    }
    assert.equal(matcher.match("택배가 언제 도착하나요").candidates.length, 5);
  });

  test("is deterministic", () => {
    const again = buildMatcher([...shopBot]);
    for (const text of ["배송조회해줘", "선물이 포장되나요", "사랑해", "wifi 비번", "내일 예약 취소"]) {
      assert.deepEqual(again.match(text), matcher.match(text));
      assert.deepEqual(matcher.match(text), matcher.match(text));
    }
  });

  test("empty input, punctuation-only input and an empty bot match nothing", () => {
    for (const text of ["", "   ", "?!..."]) {
      const result = matcher.match(text);
      assert.equal(result.intent, null);
      assert.equal(result.accepted, false);
      assert.equal(result.score, 0);
    }
    const empty = buildMatcher([]);
    assert.deepEqual(empty.intents, []);
    assert.deepEqual(empty.match("배송 조회"), { intent: null, score: 0, accepted: false, exact: false, candidates: [] });
  });

  test("an utterance shared by two intents goes to the first eligible one", () => {
    const shared = buildMatcher([...examples("a", "도와줘", "사용법 알려줘"), ...examples("b", "도와줘", "상담원 연결")]);
    assert.equal(shared.match("도와줘").intent, "a");
    assert.equal(shared.match("도와줘", { eligible: new Set(["b"]) }).intent, "b");
  });
});
