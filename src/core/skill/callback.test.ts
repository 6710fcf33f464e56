import assert from "node:assert/strict";
import { test } from "node:test";
import { CALLBACK_TTL_MS, judgeCallback } from "./callback.js";

const issued = 1_800_000_000_000;
const ticket = { taskId: "3b0c6a52-0c1e-4b8e-9a57-2f1d0c9e8b7a", issuedAtMs: issued };
const answer = JSON.stringify({ version: "2.0", template: { outputs: [{ simpleText: { text: "답변입니다" } }] } });

test("a valid answer within one minute is delivered and consumes the ticket", () => {
  const d = judgeCallback(ticket, answer, issued + CALLBACK_TTL_MS, "unused");
  assert.equal(d.reply.status, "SUCCESS");
  assert.equal(d.reply.taskId, ticket.taskId);
  assert.equal(d.reply.timestamp, Math.floor((issued + CALLBACK_TTL_MS) / 1000));
  assert.equal(d.consume, true);
  assert.deepEqual(d.deliver?.template?.outputs, [{ simpleText: { text: "답변입니다" } }]);
});

test("late, second and unknown uses fail without delivering", () => {
  const late = judgeCallback(ticket, answer, issued + CALLBACK_TTL_MS + 1, "x");
  assert.equal(late.reply.status, "FAIL");
  assert.match(late.reply.message, /expired/);
  const again = judgeCallback({ ...ticket, usedAtMs: issued + 10 }, answer, issued + 20, "x");
  assert.equal(again.reply.status, "FAIL");
  assert.match(again.reply.message, /already used/);
  const unknown = judgeCallback(undefined, answer, issued, "fresh-task");
  assert.equal(unknown.reply.status, "FAIL");
  assert.equal(unknown.reply.taskId, "fresh-task");
  for (const d of [late, again, unknown]) {
    assert.equal(d.deliver, undefined);
    assert.equal(d.consume, false);
  }
});

test("a bad body is an ERROR that names the finding and keeps the ticket usable", () => {
  const notJson = judgeCallback(ticket, "{oops", issued + 5, "x");
  assert.equal(notJson.reply.status, "ERROR");
  assert.equal(notJson.consume, false);
  const noTemplate = judgeCallback(ticket, JSON.stringify({ version: "2.0", data: {} }), issued + 5, "x");
  assert.equal(noTemplate.reply.status, "ERROR");
  assert.match(noTemplate.reply.message, /template: required/);
  const callbackAgain = judgeCallback(ticket, JSON.stringify({ version: "2.0", useCallback: true }), issued + 5, "x");
  assert.equal(callbackAgain.reply.status, "ERROR");
});
