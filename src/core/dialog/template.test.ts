import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { outputComponentSchema } from "../skill/components.js";
import { renderDeep, renderText, type TemplateScope } from "./template.js";
import type { ParamValue } from "./types.js";

function param(display: string, value = display): ParamValue {
  return { entity: "sys.text", origin: display, value, display };
}

const scope: TemplateScope = {
  params: { date: param("2026-03-03", '{"date":"2026-03-03"}'), people: param("2"), 지점: param("강남점") },
  paramNames: ["date", "people", "지점", "memo"],
  contexts: { ordering: { orderId: "A-1", 상품: "칫솔" }, "shop.cart": { count: "3" } },
  declaredContexts: new Map([
    ["ordering", new Set(["orderId", "상품"])],
    ["shop.cart", new Set(["count"])],
    ["reserved", new Set(["date"])],
  ]),
  webhook: { text: "안녕", user: { name: "민수", points: 1200 }, list: [1, 2] },
  current: { event: { name: "shipped", data: { tracking: "T-9" } }, utterance: "hi" },
};

describe("renderText", () => {
  test("$param prints the readable value, even when Korean follows the name", () => {
    assert.equal(renderText("$date $people명 예약", scope), "2026-03-03 2명 예약");
    assert.equal(renderText("$지점에서 만나요", scope), "강남점에서 만나요");
  });

  test("a declared parameter without a value prints nothing", () => {
    assert.equal(renderText("메모: [$memo]", scope), "메모: []");
  });

  test("$ and # that do not name anything known stay as typed", () => {
    assert.equal(renderText("$5,000원 US$ #1 인기 #해시태그 $unknown", scope), "$5,000원 US$ #1 인기 #해시태그 $unknown");
  });

  test("#context.key reads alive contexts; a known but dead context prints nothing", () => {
    assert.equal(renderText("주문 #ordering.orderId 의 #ordering.상품입니다", scope), "주문 A-1 의 칫솔입니다");
    assert.equal(renderText("#shop.cart.count개", scope), "3개", "context names may contain dots");
    assert.equal(renderText("[#reserved.date]", scope), "[]");
  });

  test("{{...}} forms: webhook paths, nested values, current event data, explicit params", () => {
    assert.equal(renderText("{{#webhook.text}}, {{#webhook.user.name}}님 {{#webhook.user.points}}점", scope), "안녕, 민수님 1200점");
    assert.equal(renderText("{{#webhook.list}} {{#webhook.missing}}|", scope), "[1,2] |");
    assert.equal(renderText("{{#current.event.data.tracking}}", scope), "T-9");
    assert.equal(renderText("{{$people}}명 {{ $date }}", scope), "2명 2026-03-03");
    assert.equal(renderText("{{#ordering.orderId}}번", scope), "A-1번");
  });

  test("bare #webhook.key ends at the first non-ASCII character", () => {
    assert.equal(renderText("#webhook.text님", scope), "안녕님");
  });

  test("foreign {{...}} expressions are left alone", () => {
    assert.equal(renderText("{{#mentions.user1}} {{name}}", scope), "{{#mentions.user1}} {{name}}");
  });

  test("backslash escapes print the literal", () => {
    assert.equal(
      renderText("\\$date \\#ordering.orderId \\{{#webhook.text}} a\\\\b \\n", scope),
      "$date #ordering.orderId {{#webhook.text}} a\\b \\n",
    );
  });

  test("no webhook data: webhook references print nothing", () => {
    assert.equal(renderText("[{{#webhook.text}}]", { ...scope, webhook: undefined }), "[]");
  });
});

describe("renderDeep", () => {
  test("renders titles, descriptions and labels but not block ids or actions", () => {
    const out = renderDeep(
      outputComponentSchema,
      {
        textCard: {
          title: "$date 예약",
          description: "{{#webhook.user.name}}님",
          buttons: [{ label: "$people명 변경", action: "block", blockId: "$date" }],
        },
      },
      scope,
    );
    assert.deepEqual(out, {
      textCard: { title: "2026-03-03 예약", description: "민수님", buttons: [{ label: "2명 변경", action: "block", blockId: "$date" }] },
    });
  });
});
