// Parameter validation skill (spec §2.10): during slot filling the engine POSTs a small payload with
// the extracted value and the skill answers a verdict. The wire shape was only seen in third-party
// code, so parsing is lenient and every deviation becomes a finding.
import { type Finding, finding } from "./findings.js";
import { buildSkillUser, type Ref, type SkillUser, type SkillUserInput, SURFACE_PARAMS, type Surface } from "./payload.js";

export type ValidationStatus = "SUCCESS" | "FAIL" | "ERROR" | "IGNORE";
export const VALIDATION_STATUSES: readonly ValidationStatus[] = ["SUCCESS", "FAIL", "ERROR", "IGNORE"];

export type ValidationPayloadInput = {
  bot: Ref;
  utterance: string;
  surface: Surface;
  isInSlotFilling: boolean;
  user: SkillUserInput;
  /** origin: the text as typed; resolved: the entity's normalised value. */
  value: { origin: string; resolved: string };
  timezone?: string;
  lang?: string;
};

export type ValidationPayload = {
  bot: Ref;
  utterance: string;
  params: Record<string, string>;
  isInSlotFilling: boolean;
  user: SkillUser;
  value: { origin: string; resolved: string };
  timezone: string;
  lang: string;
};

export function buildValidationPayload(input: ValidationPayloadInput): ValidationPayload {
  return {
    bot: { id: input.bot.id, name: input.bot.name },
    utterance: input.utterance,
    params: { ...SURFACE_PARAMS[input.surface] },
    isInSlotFilling: input.isInSlotFilling,
    user: buildSkillUser(input.user),
    value: { origin: input.value.origin, resolved: input.value.resolved },
    timezone: input.timezone ?? "Asia/Seoul",
    lang: input.lang ?? "ko",
  };
}

/**
 * SUCCESS accepts (value, when given, replaces the resolved value); FAIL rejects and re-asks, showing
 * `message` when given; IGNORE keeps the extracted value without a verdict; ERROR (also any unreadable
 * answer) is a skill fault the engine treats like FAIL.
 */
export type ValidationVerdict = {
  status: ValidationStatus;
  value?: string;
  data?: Record<string, unknown>;
  message?: string;
  findings: Finding[];
};

function isStatus(value: unknown): value is ValidationStatus {
  return VALIDATION_STATUSES.some((s) => s === value);
}

export function parseValidationResponse(json: unknown): ValidationVerdict {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { status: "ERROR", findings: [finding("", "type", "response must be a JSON object")] };
  }
  const findings: Finding[] = [];
  const record: Record<string, unknown> = { ...json };
  const status = record.status;
  if (!isStatus(status)) {
    const got = status === undefined ? "nothing" : JSON.stringify(status);
    findings.push(finding("status", "enum", `must be one of ${VALIDATION_STATUSES.join(", ")}, got ${got}`));
    return { status: "ERROR", findings };
  }
  const verdict: ValidationVerdict = { status, findings };
  const value = record.value;
  if (typeof value === "string") verdict.value = value;
  else if (typeof value === "number" || typeof value === "boolean") {
    verdict.value = String(value);
    findings.push(finding("value", "type", `expected string, got ${typeof value} (converted)`, "warning"));
  } else if (value !== undefined && value !== null) {
    findings.push(finding("value", "type", `expected string, got ${Array.isArray(value) ? "array" : typeof value}`, "warning"));
  }
  const message = record.message;
  if (typeof message === "string") verdict.message = message;
  else if (message !== undefined && message !== null) {
    findings.push(finding("message", "type", `expected string, got ${typeof message}`, "warning"));
  }
  const data = record.data;
  if (typeof data === "object" && data !== null && !Array.isArray(data)) verdict.data = { ...data };
  else if (data !== undefined && data !== null) {
    findings.push(finding("data", "type", "expected object", "warning"));
  }
  return verdict;
}
