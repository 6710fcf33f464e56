import assert from "node:assert/strict";
import { test } from "node:test";
import { availabilityOf, type BotConnection, OPERATOR_UNAVAILABLE_TEXT } from "./availability.js";

const none = (role: BotConnection["role"]): BotConnection => ({ role, botId: null, botName: null, state: "none" });
const bot = (role: BotConnection["role"], state: BotConnection["state"], botId = `${role}-bot`): BotConnection => ({
  role,
  botId,
  botName: "봇",
  state,
});
const normal = { chatEnabled: true, profileType: "normal" as const };

test("a normal profile with 1:1 chat and a deployed bot reaches both bot and operator", () => {
  const a = availabilityOf(normal, [bot("operating", "connected"), none("development")]);
  assert.equal(a.answeringBotId, "operating-bot");
  assert.equal(a.operator.available, true);
  assert.equal(a.inputBlocked, null);
});

test("the development bot answers when no operating bot is set", () => {
  assert.equal(availabilityOf(normal, [none("operating"), bot("development", "connected")]).answeringBotId, "development-bot");
});

test("each condition is named; the input is blocked only when nobody can answer", () => {
  const chatOff = availabilityOf({ chatEnabled: false, profileType: "normal" }, [bot("operating", "connected"), none("development")]);
  assert.deepEqual(
    chatOff.operator.reasons.map((r) => r.code),
    ["chat_disabled"],
  );
  assert.equal(chatOff.inputBlocked, null, "the bot still answers");

  const alimtalk = availabilityOf({ chatEnabled: true, profileType: "alimtalk" }, [bot("operating", "connected"), none("development")]);
  assert.deepEqual(
    alimtalk.operator.reasons.map((r) => r.code),
    ["alimtalk_profile"],
  );

  const noBot = availabilityOf(normal, [none("operating"), none("development")]);
  assert.deepEqual(
    noBot.operator.reasons.map((r) => r.code),
    ["no_bot"],
  );
  assert.equal(noBot.inputBlocked, OPERATOR_UNAVAILABLE_TEXT);

  const broken = availabilityOf(normal, [bot("operating", "broken"), none("development")]);
  assert.deepEqual(
    broken.bot.reasons.map((r) => r.code),
    ["connection_broken"],
  );
  assert.equal(broken.inputBlocked, OPERATOR_UNAVAILABLE_TEXT);

  // Not deployed: the bot cannot answer yet, but an operator still can, so the user may type.
  const undeployed = availabilityOf(normal, [bot("operating", "not_deployed"), none("development")]);
  assert.equal(undeployed.bot.available, false);
  assert.equal(undeployed.operator.available, true);
  assert.equal(undeployed.inputBlocked, null);
});
