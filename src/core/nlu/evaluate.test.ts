import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { calibrateThreshold, evaluateMatcher, parseIntentTsv } from "./evaluate.js";
import type { TrainingExample } from "./matcher.js";

const trainTsv = [
  "intent\ttext",
  "delivery\t배송 조회",
  "delivery\t택배 어디쯤 왔어요",
  "delivery\t택배 언제 도착해요",
  "hours\t영업시간 알려줘",
  "hours\t몇 시에 문 열어요",
  "hours\t가게 몇 시까지 해요",
  "refund\t환불하고 싶어요",
  "refund\t반품 신청할게요",
  "refund\t환불 절차가 어떻게 되나요",
  "",
].join("\n");

describe("parseIntentTsv", () => {
  test("reads intent and text by header name, skipping blank lines and extra columns", () => {
    const rows = parseIntentTsv("\uFEFFtext\tnote\tintent\r\n배송 조회\tx\tdelivery\r\n\r\n영업시간\t\thours\r\n");
    assert.deepEqual(rows, [
      { intent: "delivery", text: "배송 조회" },
      { intent: "hours", text: "영업시간" },
    ]);
    assert.equal(parseIntentTsv(trainTsv).length, 9);
  });

  test("rejects a file without the header or with an empty cell", () => {
    assert.throws(() => parseIntentTsv("배송 조회\tdelivery\n"), /header/);
    assert.throws(() => parseIntentTsv("intent\ttext\ndelivery\t\n"), /line 2/);
  });
});

describe("evaluateMatcher", () => {
  const train = parseIntentTsv(trainTsv);
  const test_: TrainingExample[] = [
    { intent: "delivery", text: "배송조회 해줘" },
    { intent: "hours", text: "영업 시간 알려주세요" },
    { intent: "refund", text: "환불 하고 싶은데요" },
  ];
  const ood: TrainingExample[] = [
    { intent: "__ood__", text: "오늘 날씨 어때" },
    { intent: "__ood__", text: "노래 불러줘" },
  ];

  test("reports top-1, top-3, acceptance and per-utterance predictions", () => {
    const report = evaluateMatcher(train, test_, ood);
    assert.equal(report.top1, 1);
    assert.equal(report.top3, 1);
    assert.equal(report.counts.test, 3);
    assert.equal(report.counts.ood, 2);
    assert.equal(report.counts.train, 9);
    assert.equal(report.counts.intents, 3);
    assert.equal(report.oodAcceptance, 0);
    assert.deepEqual(report.oodByLabel, { __ood__: { total: 2, accepted: 0, rate: 0 } });
    // Every top-1 is right here, so each in-scope row is either accepted correctly or sent to fallback.
    assert.equal(report.counts.correctAccepted + report.counts.fallback, 3);
    assert.equal(report.inScopeAccuracy, report.counts.correctAccepted / 3);
    assert.equal(report.predictions.length, 5);
    const first = report.predictions[0];
    assert.equal(first?.expected, "delivery");
    assert.equal(first?.predicted, "delivery");
    assert.equal(first?.top3[0], "delivery");
  });

  test("a threshold above every score sends all in-scope input to fallback", () => {
    const report = evaluateMatcher(train, test_, [], { threshold: 0.999 });
    assert.equal(report.threshold, 0.999);
    assert.equal(report.fallbackRate, 1);
    assert.equal(report.inScopeAccuracy, 0);
    assert.equal(report.top1, 1, "ranking does not depend on the threshold");
    assert.equal(report.oodAcceptance, null);
  });
});

describe("calibrateThreshold", () => {
  // Ten small intents about different things, four paraphrases each.
  const topics: [string, string[]][] = [
    ["delivery", ["배송 조회", "택배 어디쯤 왔어요", "택배 언제 도착해요", "주문한 상품 배송 상태"]],
    ["hours", ["영업시간 알려줘", "몇 시에 문 열어요", "가게 몇 시까지 해요", "주말에도 영업하나요"]],
    ["refund", ["환불하고 싶어요", "반품 신청할게요", "환불 절차가 어떻게 되나요", "반품하려면 어떻게 해요"]],
    ["gift", ["선물 포장 되나요", "선물을 보내고 싶어요", "선물 포장 가능한가요", "선물용으로 포장해 주세요"]],
    ["reserve", ["예약하고 싶어요", "내일 3시에 예약할게요", "자리 예약 가능해요", "두 명 예약해 주세요"]],
    ["cancel", ["주문 취소해줘", "주문한 거 취소하고 싶어요", "주문 취소 방법 알려줘", "결제 취소할래요"]],
    ["wifi", ["와이파이 비밀번호 알려줘", "와이파이 비번 뭐예요", "wifi 비밀번호", "와이파이 연결이 안 돼요"]],
    ["parking", ["주차 되나요", "주차장 어디예요", "주차 요금 얼마예요", "차 세울 곳 있어요"]],
    ["coupon", ["쿠폰 어떻게 써요", "할인 쿠폰 있나요", "쿠폰 등록 방법", "쿠폰 적용이 안 돼요"]],
    ["member", ["회원 가입하고 싶어요", "회원가입 방법", "멤버십 가입 혜택", "회원 탈퇴하려면"]],
  ];
  const train = topics.flatMap(([intent, texts]) => texts.map((text) => ({ intent, text })));

  test("is reproducible and respects the out-of-scope budget on its own pseudo split", () => {
    const report = calibrateThreshold(train, { folds: 5, maxOutOfScopeAcceptance: 0.1, seed: 3 });
    assert.deepEqual(calibrateThreshold(train, { folds: 5, maxOutOfScopeAcceptance: 0.1, seed: 3 }), report);
    assert.ok(report.threshold > 0 && report.threshold <= 1);
    assert.equal(report.outOfScope.length, train.length, "every intent is held out exactly once");
    assert.equal(report.inScope.length, 5 * 8, "each fold probes one utterance of each remaining intent");
    assert.ok(report.outOfScopeAcceptance <= 0.1);
    assert.equal(report.outOfScope.filter((s) => s >= report.threshold).length / report.outOfScope.length, report.outOfScopeAcceptance);
  });

  test("a stricter budget never lowers the threshold", () => {
    const loose = calibrateThreshold(train, { maxOutOfScopeAcceptance: 0.2 });
    const strict = calibrateThreshold(train, { maxOutOfScopeAcceptance: 0.02 });
    assert.ok(strict.threshold >= loose.threshold);
  });
});
