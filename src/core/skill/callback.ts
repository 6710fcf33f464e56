// The AI-chatbot callback (spec §2.8) as pure decisions: a one-time callbackUrl token valid for one
// minute, the SkillResponse POSTed to it, and the platform-style JSON status it answers with.
// The server owns the token store and the route; this module decides what happens to a POST.
import { type Finding, finding } from "./findings.js";
import type { SkillResponse } from "./response.js";
import { validateSkillResponse } from "./validate-response.js";

export const CALLBACK_TTL_MS = 60_000;

export type CallbackStatus = "SUCCESS" | "FAIL" | "ERROR";

/** What the callback URL answers (platform format; `timestamp` in unix seconds). */
export type CallbackReply = { taskId: string; status: CallbackStatus; message: string; timestamp: number };

export type CallbackTicket = {
  taskId: string;
  /** When the callbackUrl was issued (ms since epoch, from the injected clock). */
  issuedAtMs: number;
  usedAtMs?: number;
};

export type CallbackDecision = {
  reply: CallbackReply;
  /** The validated answer to deliver to the chat; only with SUCCESS. */
  deliver?: SkillResponse;
  findings: Finding[];
  /** True when the ticket must now be marked used (first valid POST). */
  consume: boolean;
};

export const CALLBACK_MESSAGES = {
  ok: "OK",
  unknown: "invalid callback token",
  used: "callback token already used",
  expired: "callback token expired (valid for 1 minute)",
  notJson: "invalid JSON body",
  invalid: "invalid skill response",
} as const;

/**
 * Decides a POST to a callbackUrl. `ticket` is undefined when the token is unknown; `fallbackTaskId`
 * is used in the reply then. The answer is validated as a skill-data response that may not ask for
 * another callback.
 */
export function judgeCallback(
  ticket: CallbackTicket | undefined,
  rawBody: string,
  nowMs: number,
  fallbackTaskId: string,
): CallbackDecision {
  const reply = (status: CallbackStatus, message: string): CallbackReply => ({
    taskId: ticket?.taskId ?? fallbackTaskId,
    status,
    message,
    timestamp: Math.floor(nowMs / 1000),
  });
  if (ticket === undefined) return { reply: reply("FAIL", CALLBACK_MESSAGES.unknown), findings: [], consume: false };
  if (ticket.usedAtMs !== undefined) return { reply: reply("FAIL", CALLBACK_MESSAGES.used), findings: [], consume: false };
  if (nowMs - ticket.issuedAtMs > CALLBACK_TTL_MS) {
    return { reply: reply("FAIL", CALLBACK_MESSAGES.expired), findings: [], consume: false };
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return {
      reply: reply("ERROR", CALLBACK_MESSAGES.notJson),
      findings: [finding("", "not_json", "body is not JSON")],
      consume: false,
    };
  }
  const result = validateSkillResponse(json, { usesSkillData: true, allowCallback: false });
  if (!result.ok || result.response === undefined) {
    const first = result.findings.find((f) => f.severity === "error");
    return {
      reply: reply("ERROR", `${CALLBACK_MESSAGES.invalid}: ${first?.message ?? "invalid"}`),
      findings: result.findings,
      consume: false,
    };
  }
  return { reply: reply("SUCCESS", CALLBACK_MESSAGES.ok), deliver: result.response, findings: result.findings, consume: true };
}
