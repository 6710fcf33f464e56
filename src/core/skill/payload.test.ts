import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildSkillPayload, type SkillPayloadInput } from "./payload.js";
import { buildValidationPayload, parseValidationResponse } from "./validation-skill.js";

const base: SkillPayloadInput = {
  bot: { id: "bot-1", name: "피자봇" },
  block: { id: "blk-order", name: "주문" },
  skill: { id: "sk-order", name: "주문 스킬" },
  utterance: "피자 두 판",
  surface: "channel",
  user: { botUserKey: "a".repeat(64), plusfriendUserKey: "Pf1aB2cD3eF4" },
};

describe("buildSkillPayload", () => {
  test("minimal channel payload has the platform's shape", () => {
    const p = buildSkillPayload(base);
    assert.deepEqual(p, {
      intent: { id: "blk-order", name: "주문" },
      userRequest: {
        timezone: "Asia/Seoul",
        params: { surface: "Kakaotalk.plusfriend" },
        block: { id: "blk-order", name: "주문" },
        utterance: "피자 두 판",
        lang: "ko",
        user: {
          id: "a".repeat(64),
          type: "botUserKey",
          properties: {
            botUserKey: "a".repeat(64),
            bot_user_key: "a".repeat(64),
            plusfriendUserKey: "Pf1aB2cD3eF4",
            plusfriend_user_key: "Pf1aB2cD3eF4",
          },
        },
      },
      bot: { id: "bot-1", name: "피자봇" },
      action: { id: "sk-order", name: "주문 스킬", params: {}, detailParams: {}, clientExtra: null },
      contexts: [],
      flow: { trigger: { type: "TEXT_INPUT" } },
    });
  });

  test("params and detailParams are always objects and agree", () => {
    const p = buildSkillPayload({
      ...base,
      parameters: {
        menu: { origin: "페퍼로니", value: "pepperoni" },
        count: { origin: "두 판", value: '{"amount":2,"unit":"판"}', groupName: "" },
      },
    });
    assert.deepEqual(p.action.params, { menu: "pepperoni", count: '{"amount":2,"unit":"판"}' });
    assert.deepEqual(p.action.detailParams.menu, { origin: "페퍼로니", value: "pepperoni", groupName: "" });
    const empty = buildSkillPayload(base);
    assert.equal(typeof empty.action.params, "object");
    assert.equal(Object.keys(empty.action.detailParams).length, 0);
  });

  test("isFriend only when true; appUserId only when linked; snake_case duplicates", () => {
    const notFriend = buildSkillPayload({ ...base, user: { ...base.user, isFriend: false } });
    assert.equal("isFriend" in notFriend.userRequest.user.properties, false);
    assert.equal("appUserId" in notFriend.userRequest.user.properties, false);
    const linked = buildSkillPayload({
      ...base,
      user: { ...base.user, isFriend: true, appUserId: "1234567890", appUserStatus: "REGISTERED" },
    });
    const props = linked.userRequest.user.properties;
    assert.equal(props.isFriend, true);
    assert.equal(props.appUserId, "1234567890");
    assert.equal(props.app_user_id, "1234567890");
    assert.equal(props.appUserStatus, "REGISTERED");
    assert.equal(props.app_user_status, "REGISTERED");
  });

  test("custom properties cannot override identity keys or fake isFriend", () => {
    const p = buildSkillPayload({
      ...base,
      user: { botUserKey: "real", properties: { botUserKey: "fake", isFriend: true, plugin: "x" } },
    });
    assert.equal(p.userRequest.user.properties.botUserKey, "real");
    assert.equal("isFriend" in p.userRequest.user.properties, false);
    assert.equal(p.userRequest.user.properties.plugin, "x");
  });

  test("test surface adds ignoreMe; request params cannot override the surface", () => {
    const p = buildSkillPayload({ ...base, surface: "test", requestParams: { surface: "fake", media: { type: "image", url: "u" } } });
    assert.deepEqual(p.userRequest.params, {
      surface: "BuilderBotTest",
      ignoreMe: "true",
      media: { type: "image", url: "u" },
    });
  });

  test("clientExtra, contexts, flow and callbackUrl are carried as given", () => {
    const p = buildSkillPayload({
      ...base,
      clientExtra: { button: "order" },
      contexts: [{ name: "Ordering", lifespan: 4, ttl: 600, params: { menu: "pizza", size: { value: "L", resolvedValue: "large" } } }],
      flow: {
        trigger: { type: "QUICKREPLY_BUTTON_BLOCK", referrerBlock: { id: "blk-menu", name: "메뉴" } },
        lastBlock: { id: "blk-menu", name: "메뉴" },
      },
      callbackUrl: "https://bc.example/callback/abc",
    });
    assert.deepEqual(p.action.clientExtra, { button: "order" });
    assert.deepEqual(p.contexts, [
      {
        name: "Ordering",
        lifespan: 4,
        ttl: 600,
        params: { menu: { value: "pizza", resolvedValue: "pizza" }, size: { value: "L", resolvedValue: "large" } },
      },
    ]);
    assert.equal(p.flow.trigger.referrerBlock?.name, "메뉴");
    assert.equal(p.flow.lastBlock?.id, "blk-menu");
    assert.equal(p.userRequest.callbackUrl, "https://bc.example/callback/abc");
    assert.equal("callbackUrl" in buildSkillPayload(base).userRequest, false);
  });

  test("knowledge hit: intent name 지식+ with extra.knowledge", () => {
    const p = buildSkillPayload({
      ...base,
      knowledge: { matchedKnowledges: [{ categories: ["배송"], question: "배송 얼마나 걸려요?", answer: "2~3일" }] },
    });
    assert.equal(p.intent.name, "지식+");
    assert.deepEqual(p.intent.extra?.reason, { code: 1, message: "OK" });
    assert.equal(p.intent.extra?.knowledge.responseType, "skill");
    assert.equal(p.intent.extra?.knowledge.matchedKnowledges[0]?.answer, "2~3일");
  });
});

describe("validation skill", () => {
  test("payload shape", () => {
    const p = buildValidationPayload({
      bot: { id: "bot-1", name: "피자봇" },
      utterance: "내일 7시",
      surface: "test",
      isInSlotFilling: true,
      user: { botUserKey: "k" },
      value: { origin: "내일 7시", resolved: '{"dateTime":"2026-11-28T19:00:00"}' },
    });
    assert.deepEqual(p.params, { surface: "BuilderBotTest", ignoreMe: "true" });
    assert.equal(p.isInSlotFilling, true);
    assert.deepEqual(p.value, { origin: "내일 7시", resolved: '{"dateTime":"2026-11-28T19:00:00"}' });
    assert.equal(p.user.properties.bot_user_key, "k");
  });

  test("verdicts", () => {
    assert.deepEqual(parseValidationResponse({ status: "SUCCESS", value: "19:00" }), {
      status: "SUCCESS",
      value: "19:00",
      findings: [],
    });
    assert.equal(parseValidationResponse({ status: "FAIL", message: "영업시간이 아니에요" }).message, "영업시간이 아니에요");
    assert.equal(parseValidationResponse({ status: "IGNORE" }).status, "IGNORE");
    const bad = parseValidationResponse({ status: "OK" });
    assert.equal(bad.status, "ERROR");
    assert.equal(bad.findings[0]?.path, "status");
    assert.equal(parseValidationResponse("nope").status, "ERROR");
    const num = parseValidationResponse({ status: "SUCCESS", value: 3 });
    assert.equal(num.value, "3");
    assert.equal(num.findings[0]?.severity, "warning");
  });
});
