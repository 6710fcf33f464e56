import assert from "node:assert/strict";
import { test } from "node:test";
import { buildSkillPayload } from "./payload.js";
import { incomingSkillPayloadSchema, userKeysOf } from "./payload-schema.js";

test("a payload built by botcenter round-trips through the incoming schema", () => {
  const built = buildSkillPayload({
    bot: { id: "b", name: "봇" },
    block: { id: "k", name: "블록" },
    skill: { id: "s", name: "스킬" },
    utterance: "안녕",
    surface: "channel",
    user: { botUserKey: "u1", plusfriendUserKey: "pf1", appUserId: "99", appUserStatus: "REGISTERED", isFriend: true },
    parameters: { p: { origin: "o", value: "v" } },
  });
  const parsed = incomingSkillPayloadSchema.parse(JSON.parse(JSON.stringify(built)));
  assert.equal(parsed.userRequest.utterance, "안녕");
  assert.deepEqual(parsed.action.params, { p: "v" });
  assert.deepEqual(userKeysOf(parsed), {
    botUserKey: "u1",
    plusfriendUserKey: "pf1",
    appUserId: "99",
    appUserStatus: "REGISTERED",
    isFriend: true,
  });
});

test("sparse platform payloads get empty defaults; snake_case-only keys are read", () => {
  const parsed = incomingSkillPayloadSchema.parse({
    userRequest: { utterance: "hi", user: { id: "u2", type: "botUserKey", properties: { plusfriend_user_key: "pf2" } } },
  });
  assert.deepEqual(parsed.action.params, {});
  assert.deepEqual(parsed.action.detailParams, {});
  assert.deepEqual(parsed.contexts, []);
  assert.deepEqual(userKeysOf(parsed), { botUserKey: "u2", plusfriendUserKey: "pf2", isFriend: false });
});

test("a payload without a user id is rejected", () => {
  assert.equal(incomingSkillPayloadSchema.safeParse({ userRequest: { utterance: "x", user: { id: "" } } }).success, false);
  assert.equal(incomingSkillPayloadSchema.safeParse({}).success, false);
});
