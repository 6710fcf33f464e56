import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { TFunction } from "i18next";
import type { BotFile } from "../../src/core/bot/schema.js";
import { flagUtterances, splitBulk } from "../../web/src/features/editor/utterance-checks.js";
import { inputForAction } from "../../web/src/features/simulator/to-input.js";
import { localizeDetail } from "../../web/src/lib/localize-detail.js";
import { safeHttpUrl, safePhone } from "../../web/src/renderer/safe-url.js";

const bot = {
  scenarios: [
    {
      id: "s",
      name: "s",
      default: true,
      blocks: [
        { id: "a", name: "배송", utterances: ["배송 언제 와요"] },
        { id: "b", name: "교환", utterances: [] },
      ],
    },
  ],
} as unknown as BotFile;

describe("utterance checks", () => {
  test("flags an utterance another block already uses, ignoring spacing and punctuation", () => {
    const flags = flagUtterances(bot, "b", ["배송언제 와요?", "교환할래요"]);
    assert.deepEqual(flags[0]?.conflicts, [{ id: "a", name: "배송" }]);
    assert.deepEqual(flags[1]?.conflicts, []);
  });

  test("flags repeats inside the block by pointing at the first one", () => {
    const flags = flagUtterances(bot, "b", ["환불", "교환", "환불!"]);
    assert.equal(flags[2]?.duplicateOf, 0);
    assert.equal(flags[1]?.duplicateOf, undefined);
  });

  test("bulk paste drops blank lines and utterances the block already has", () => {
    assert.deepEqual(splitBulk("환불\n\n  교환 \n환불\n반품", ["반품"]), ["환불", "교환"]);
  });
});

describe("renderer URL safety", () => {
  test("only http(s) URLs reach links and images", () => {
    assert.equal(safeHttpUrl("https://example.com/a?b=1"), "https://example.com/a?b=1");
    assert.equal(safeHttpUrl("javascript:alert(1)"), undefined);
    assert.equal(safeHttpUrl("data:text/html,<script>1</script>"), undefined);
    assert.equal(safeHttpUrl("  "), undefined);
    assert.equal(safeHttpUrl("not a url"), undefined);
  });

  test("phone links keep digits, + and - only", () => {
    assert.equal(safePhone("02-123-4567"), "02-123-4567");
    assert.equal(safePhone("+82 10 1234 5678"), "+821012345678");
    assert.equal(safePhone("javascript:1"), "1");
    assert.equal(safePhone("abc"), undefined);
  });
});

describe("simulator clicks", () => {
  test("a card's block button sends the block id and shows its label", () => {
    const out = inputForAction({ kind: "button", button: { label: "매장 안내", action: "block", blockId: "store-info" } });
    assert.deepEqual(out, {
      input: { type: "action", source: "card", action: "block", blockId: "store-info", label: "매장 안내" },
      shown: "매장 안내",
    });
  });

  test("a message quick reply sends its messageText, falling back to the label", () => {
    const withText = inputForAction({ kind: "quickReply", reply: { label: "예", action: "message", messageText: "네 맞아요" } });
    assert.deepEqual(withText, {
      input: { type: "action", source: "quickReply", action: "message", text: "네 맞아요" },
      shown: "네 맞아요",
    });
    const labelOnly = inputForAction({ kind: "quickReply", reply: { label: "아니요", action: "message" } });
    assert.equal(
      "input" in labelOnly && labelOnly.input.type === "action" && labelOnly.input.action === "message" ? labelOnly.input.text : null,
      "아니요",
    );
  });

  test("list items click as source list; share and operator are not simulated", () => {
    const item = inputForAction({ kind: "listItem", item: { title: "영업시간", action: "block", blockId: "hours" } });
    assert.equal("input" in item && item.input.type === "action" ? item.input.source : null, "list");
    assert.deepEqual(inputForAction({ kind: "button", button: { label: "공유", action: "share" } }), { unsupported: "share" });
  });
});

describe("server detail messages in the UI language", () => {
  const t = ((key: string, values?: Record<string, string>) => `${key}${values ? JSON.stringify(values) : ""}`) as unknown as TFunction;

  test("known messages map to a translation key with their numbers", () => {
    assert.equal(localizeDetail("must not be empty", t), "details.empty{}");
    assert.equal(localizeDetail("at most 230 characters, got 231", t), 'details.maxChars{"max":"230","n":"231"}');
    assert.equal(localizeDetail("at most 3 (horizontal layout), got 4", t), 'details.maxItems{"max":"3","n":"4"}');
  });

  test("unknown messages are shown as sent", () => {
    assert.equal(localizeDetail("something new went wrong", t), "something new went wrong");
  });
});
