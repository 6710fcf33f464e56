// Calls a skill with a SkillPayload and validates the answer. Never throws for a skill fault and
// never retries; the caller shows the block's error message and logs `reason`, `detail` and latency.
import type { Finding } from "../core/skill/findings.js";
import type { SkillPayload, Surface } from "../core/skill/payload.js";
import type { SkillResponse } from "../core/skill/response.js";
import { validateSkillResponse } from "../core/skill/validate-response.js";
import { parseValidationResponse, type ValidationPayload, type ValidationVerdict } from "../core/skill/validation-skill.js";
import { DEFAULT_MAX_BODY_BYTES, type PostOptions, postJson, type TransportFault } from "./http-post.js";

export type SkillEndpoint = {
  id: string;
  name: string;
  url: string;
  testUrl?: string;
  headers?: Record<string, string>;
  /** Merged over `headers` for bot-test traffic. */
  testHeaders?: Record<string, string>;
  /** Default 5000, the platform's budget. */
  timeoutMs?: number;
};

export const DEFAULT_SKILL_TIMEOUT_MS = 5000;

export type CallSkillOptions = {
  /** "test" uses testUrl (falling back to url) and testHeaders; default "channel". */
  mode?: Surface;
  /** The block renders the returned template; default true. */
  usesSkillData?: boolean;
  /** The block allows useCallback; default false. */
  allowCallback?: boolean;
  /** Default 1 MiB. */
  maxBodyBytes?: number;
  /** Allow loopback/private targets; default true (embedded setup). Link-local/metadata are always refused. */
  allowPrivateNetworks?: boolean;
  signingSecret?: string;
  nowSeconds?: () => number;
  requestId?: string;
  signal?: AbortSignal;
  dispatcher?: PostOptions["dispatcher"];
};

export type SkillFaultReason = TransportFault | "not_json" | "bad_version" | "callback_not_allowed" | "schema";

type CallBase = {
  latencyMs: number;
  requestId: string;
  url: string;
  /** The exact JSON sent. */
  requestBody: string;
};

export type SkillCallResult =
  | (CallBase & {
      ok: true;
      status: number;
      response: SkillResponse;
      /** Warnings only (errors make the call fail). */
      findings: Finding[];
      /** The JSON as received, before unknown keys were dropped. */
      raw: unknown;
    })
  | (CallBase & {
      ok: false;
      reason: SkillFaultReason;
      detail: string;
      status?: number;
      findings?: Finding[];
      raw?: unknown;
      bodySnippet?: string;
    });

export function skillTarget(skill: SkillEndpoint, mode: Surface): { url: string; headers: Record<string, string> } {
  if (mode === "test") {
    return { url: skill.testUrl ?? skill.url, headers: { ...skill.headers, ...skill.testHeaders } };
  }
  return { url: skill.url, headers: { ...skill.headers } };
}

function postOptions(skill: SkillEndpoint, options: CallSkillOptions): PostOptions {
  const opts: PostOptions = {
    timeoutMs: skill.timeoutMs ?? DEFAULT_SKILL_TIMEOUT_MS,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    allowPrivateNetworks: options.allowPrivateNetworks ?? true,
  };
  if (options.signingSecret !== undefined) opts.signingSecret = options.signingSecret;
  if (options.nowSeconds !== undefined) opts.nowSeconds = options.nowSeconds;
  if (options.requestId !== undefined) opts.requestId = options.requestId;
  if (options.signal !== undefined) opts.signal = options.signal;
  if (options.dispatcher !== undefined) opts.dispatcher = options.dispatcher;
  return opts;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; detail: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, detail: err instanceof Error ? err.message : "invalid JSON" };
  }
}

function faultFromFindings(findings: readonly Finding[]): SkillFaultReason {
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.some((f) => f.rule === "version_required" || f.rule === "unsupported_version")) return "bad_version";
  if (errors.length > 0 && errors.every((f) => f.rule === "callback_not_allowed")) return "callback_not_allowed";
  return "schema";
}

type Exchange =
  | { ok: false; base: CallBase; reason: TransportFault | "not_json"; detail: string; status?: number; bodySnippet?: string }
  | { ok: true; base: CallBase; status: number; value: unknown };

/** POSTs the JSON body to the skill (test or live target) and parses the answer; faults come back as values. */
async function exchange(skill: SkillEndpoint, payload: unknown, options: CallSkillOptions): Promise<Exchange> {
  const { url, headers } = skillTarget(skill, options.mode ?? "channel");
  const requestBody = JSON.stringify(payload);
  const posted = await postJson(url, headers, requestBody, postOptions(skill, options));
  const base: CallBase = { latencyMs: posted.latencyMs, requestId: posted.requestId, url, requestBody };
  if (!posted.ok) {
    const fault: Exchange = { ok: false, base, reason: posted.reason, detail: posted.detail };
    if (posted.status !== undefined) fault.status = posted.status;
    if (posted.bodySnippet !== undefined) fault.bodySnippet = posted.bodySnippet;
    return fault;
  }
  const parsed = parseJson(posted.text);
  if (!parsed.ok) {
    return { ok: false, base, reason: "not_json", detail: parsed.detail, status: posted.status, bodySnippet: posted.text.slice(0, 500) };
  }
  return { ok: true, base, status: posted.status, value: parsed.value };
}

export async function callSkill(skill: SkillEndpoint, payload: SkillPayload, options: CallSkillOptions = {}): Promise<SkillCallResult> {
  const answer = await exchange(skill, payload, options);
  const base = answer.base;
  if (!answer.ok) {
    const fault: SkillCallResult = { ...base, ok: false, reason: answer.reason, detail: answer.detail };
    if (answer.status !== undefined) fault.status = answer.status;
    if (answer.bodySnippet !== undefined) fault.bodySnippet = answer.bodySnippet;
    return fault;
  }
  const validated = validateSkillResponse(answer.value, {
    usesSkillData: options.usesSkillData ?? true,
    allowCallback: options.allowCallback ?? false,
  });
  if (!validated.ok || validated.response === undefined) {
    const firstError = validated.findings.find((f) => f.severity === "error");
    return {
      ...base,
      ok: false,
      reason: faultFromFindings(validated.findings),
      detail: firstError?.message ?? "invalid response",
      status: answer.status,
      findings: validated.findings,
      raw: answer.value,
    };
  }
  return {
    ...base,
    ok: true,
    status: answer.status,
    response: validated.response,
    findings: validated.findings,
    raw: answer.value,
  };
}

export type ValidationCallResult = CallBase &
  (
    | { ok: true; verdict: ValidationVerdict }
    | { ok: false; reason: TransportFault | "not_json"; detail: string; status?: number; verdict: ValidationVerdict }
  );

/**
 * Calls a parameter validation skill. Faults come back with an ERROR verdict so slot filling can
 * treat them like a rejected value.
 */
export async function callValidationSkill(
  skill: SkillEndpoint,
  payload: ValidationPayload,
  options: Omit<CallSkillOptions, "usesSkillData" | "allowCallback"> = {},
): Promise<ValidationCallResult> {
  const answer = await exchange(skill, payload, options);
  const base = answer.base;
  if (!answer.ok) {
    // A validation skill's transport or JSON fault rejects the value like an ERROR verdict.
    const result: ValidationCallResult = {
      ...base,
      ok: false,
      reason: answer.reason,
      detail: answer.detail,
      verdict: { status: "ERROR", findings: [] },
    };
    if (answer.status !== undefined) result.status = answer.status;
    return result;
  }
  return { ...base, ok: true, verdict: parseValidationResponse(answer.value) };
}
