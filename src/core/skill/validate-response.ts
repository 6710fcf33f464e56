// Validates a skill server's answer against the version "2.0" protocol and the block's settings.
//
// The walk is manual so that one broken output does not hide findings in the others, and every
// finding names its JSON path. Structure comes from the zod schemas, limits from ./limits.ts.
import type { z } from "zod";
import {
  basicCardSchema,
  COMPONENT_KEYS,
  type ComponentKey,
  carouselSchema,
  commerceCardSchema,
  itemCardSchema,
  listCardSchema,
  type OutputComponent,
  type QuickReply,
  quickReplySchema,
  simpleImageSchema,
  simpleTextSchema,
  textCardSchema,
} from "./components.js";
import { type Finding, finding, hasErrors, joinPath } from "./findings.js";
import { checkBubbleBytes, checkOutputLimits, checkQuickReplyLimits, LIMITS } from "./limits.js";
import { type ContextControl, contextControlSchema, type SkillResponse } from "./response.js";

export type { Finding } from "./findings.js";

export type ValidateOptions = {
  /** The block renders the returned template ("스킬데이터 사용"); otherwise it only reads `data`. */
  usesSkillData: boolean;
  /** The block allows the AI-chatbot callback (useCallback). */
  allowCallback: boolean;
};

export type ValidationResult = {
  ok: boolean;
  /** The parsed response (unknown keys dropped); present whenever there is no error finding. */
  response?: SkillResponse;
  findings: Finding[];
};

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function zodPath(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const key of path) out = joinPath(out, typeof key === "number" ? key : String(key));
  return out;
}

/** Turns zod issues into findings with our paths and wording. */
export function issuesToFindings(base: string, issues: readonly z.core.$ZodIssue[]): Finding[] {
  return issues.map((issue) => {
    const path = zodPath(base, issue.path);
    switch (issue.code) {
      case "invalid_type":
        if (issue.input === undefined) return finding(path, "required", "required");
        return finding(path, "type", `expected ${issue.expected}, got ${typeName(issue.input)}`);
      case "invalid_value":
        return finding(
          path,
          "enum",
          `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${JSON.stringify(issue.input)}`,
        );
      case "invalid_union": {
        const options = "options" in issue && Array.isArray(issue.options) ? issue.options : [];
        if (options.length > 0) {
          const got = isObject(issue.input) && "type" in issue.input ? issue.input.type : issue.input;
          return finding(path, "enum", `must be one of ${options.map((v) => JSON.stringify(v)).join(", ")}, got ${JSON.stringify(got)}`);
        }
        return finding(path, "invalid", issue.message);
      }
      default:
        return finding(path, issue.code, issue.message);
    }
  });
}

type Parsed<T> = { value?: T; findings: Finding[] };

function parseWith<T>(schema: z.ZodType<T>, value: unknown, path: string): Parsed<T> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { value: result.data, findings: [] };
  return { findings: issuesToFindings(path, result.error.issues) };
}

function parseComponent(key: ComponentKey, value: unknown, path: string): Parsed<OutputComponent> {
  const at = joinPath(path, key);
  const wrap = <T>(parsed: Parsed<T>, make: (v: T) => OutputComponent): Parsed<OutputComponent> =>
    parsed.value === undefined ? { findings: parsed.findings } : { value: make(parsed.value), findings: [] };
  switch (key) {
    case "simpleText":
      return wrap(parseWith(simpleTextSchema, value, at), (v) => ({ simpleText: v }));
    case "simpleImage":
      return wrap(parseWith(simpleImageSchema, value, at), (v) => ({ simpleImage: v }));
    case "textCard":
      return wrap(parseWith(textCardSchema, value, at), (v) => ({ textCard: v }));
    case "basicCard":
      return wrap(parseWith(basicCardSchema, value, at), (v) => ({ basicCard: v }));
    case "commerceCard":
      return wrap(parseWith(commerceCardSchema, value, at), (v) => ({ commerceCard: v }));
    case "listCard":
      return wrap(parseWith(listCardSchema, value, at), (v) => ({ listCard: v }));
    case "itemCard":
      return wrap(parseWith(itemCardSchema, value, at), (v) => ({ itemCard: v }));
    case "carousel":
      return wrap(parseWith(carouselSchema, value, at), (v) => ({ carousel: v }));
  }
}

function isComponentKey(key: string): key is ComponentKey {
  return COMPONENT_KEYS.some((k) => k === key);
}

/**
 * Many skill SDKs serialise absent optional fields as null. The platform's behaviour is not
 * documented, so nulls inside the template are treated as absent and reported as warnings.
 * `extra` objects are left untouched: they are the skill's own data.
 */
function dropNulls(value: unknown, path: string, out: Finding[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => dropNulls(v, joinPath(path, i), out));
  if (!isObject(value)) return value;
  const result: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    const at = joinPath(path, key);
    if (v === null) {
      out.push(finding(at, "null_ignored", "null is treated as absent", "warning"));
      continue;
    }
    result[key] = key === "extra" ? v : dropNulls(v, at, out);
  }
  return result;
}

function countFinding(path: string, n: number, min: number, max: number): Finding[] {
  if (n < min) return [finding(path, "min_items", `at least ${min}, got ${n}`)];
  if (n > max) return [finding(path, "max_items", `at most ${max}, got ${n}`)];
  return [];
}

type TemplateResult = { template?: { outputs: OutputComponent[]; quickReplies?: QuickReply[] }; findings: Finding[] };

/** Validates a SkillTemplate JSON value (structure and every limit) at `path`. */
export function validateTemplate(raw: unknown, path = "template"): TemplateResult {
  const findings: Finding[] = [];
  const cleaned = dropNulls(raw, path, findings);
  if (!isObject(cleaned)) {
    findings.push(finding(path, "type", `expected object, got ${typeName(cleaned)}`));
    return { findings };
  }
  const outputsPath = joinPath(path, "outputs");
  const rawOutputs = cleaned.outputs;
  const outputs: OutputComponent[] = [];
  let broken = false;
  if (rawOutputs === undefined) {
    findings.push(finding(outputsPath, "required", "required"));
    broken = true;
  } else if (!Array.isArray(rawOutputs)) {
    findings.push(finding(outputsPath, "type", `expected array, got ${typeName(rawOutputs)}`));
    broken = true;
  } else {
    findings.push(...countFinding(outputsPath, rawOutputs.length, LIMITS.outputsMin, LIMITS.outputsMax));
    rawOutputs.forEach((rawOutput, i) => {
      const at = joinPath(outputsPath, i);
      const checked = checkOutput(rawOutput, at);
      findings.push(...checked.findings);
      if (checked.value === undefined) broken = true;
      else outputs.push(checked.value);
    });
  }
  const qrPath = joinPath(path, "quickReplies");
  const rawReplies = cleaned.quickReplies;
  let quickReplies: QuickReply[] | undefined;
  if (rawReplies !== undefined) {
    if (!Array.isArray(rawReplies)) {
      findings.push(finding(qrPath, "type", `expected array, got ${typeName(rawReplies)}`));
      broken = true;
    } else {
      findings.push(...countFinding(qrPath, rawReplies.length, 0, LIMITS.quickRepliesMax));
      quickReplies = [];
      for (const [i, rawReply] of rawReplies.entries()) {
        const at = joinPath(qrPath, i);
        const parsed = parseWith(quickReplySchema, rawReply, at);
        findings.push(...parsed.findings);
        if (parsed.value === undefined) {
          broken = true;
          continue;
        }
        quickReplies.push(parsed.value);
        findings.push(...checkQuickReplyLimits(parsed.value, at));
      }
    }
  }
  if (broken) return { findings };
  return { template: quickReplies === undefined ? { outputs } : { outputs, quickReplies }, findings };
}

function checkOutput(raw: unknown, path: string): Parsed<OutputComponent> {
  const parsed = parseOutput(raw, path);
  if (parsed.value === undefined) return parsed;
  return { value: parsed.value, findings: [...checkOutputLimits(parsed.value, path), ...checkBubbleBytes(raw, path)] };
}

/**
 * Validates one output component (structure, limits and bubble size) outside a skill response, e.g. a
 * block's own bubbles in a bot file. Findings are reported under `path`.
 */
export function validateOutput(raw: unknown, path = "output"): { output?: OutputComponent; findings: Finding[] } {
  const findings: Finding[] = [];
  const checked = checkOutput(dropNulls(raw, path, findings), path);
  findings.push(...checked.findings);
  return checked.value === undefined ? { findings } : { output: checked.value, findings };
}

/** Validates one quick reply (structure and limits) outside a skill response. */
export function validateQuickReply(raw: unknown, path = "quickReply"): { quickReply?: QuickReply; findings: Finding[] } {
  const parsed = parseWith(quickReplySchema, raw, path);
  if (parsed.value === undefined) return { findings: parsed.findings };
  return { quickReply: parsed.value, findings: checkQuickReplyLimits(parsed.value, path) };
}

function parseOutput(raw: unknown, path: string): Parsed<OutputComponent> {
  if (!isObject(raw)) return { findings: [finding(path, "type", `expected object, got ${typeName(raw)}`)] };
  const keys = Object.keys(raw);
  const known = keys.filter(isComponentKey);
  const first = known[0];
  if (known.length === 1 && keys.length === 1 && first !== undefined) return parseComponent(first, raw[first], path);
  if (known.length > 1) {
    return { findings: [finding(path, "one_component", `exactly one component per output, got ${known.join(", ")}`)] };
  }
  const unknown = keys.filter((k) => !isComponentKey(k));
  const got = unknown.length === 0 ? "no key" : unknown.join(", ");
  return {
    findings: [finding(path, "unknown_component", `expected exactly one of ${COMPONENT_KEYS.join(", ")}, got ${got}`)],
  };
}

export function validateSkillResponse(json: unknown, opts: ValidateOptions): ValidationResult {
  const findings: Finding[] = [];
  if (!isObject(json)) {
    findings.push(finding("", "type", `response must be a JSON object, got ${typeName(json)}`));
    return { ok: false, findings };
  }

  const version = json.version;
  if (version === undefined) {
    findings.push(finding("version", "version_required", 'required ("2.0"); without it the response is read as legacy v1'));
  } else if (version !== "2.0") {
    findings.push(finding("version", "unsupported_version", `only "2.0" is supported, got ${JSON.stringify(version)}`));
  }

  let useCallback: boolean | undefined;
  if (json.useCallback !== undefined && json.useCallback !== null) {
    if (typeof json.useCallback !== "boolean") {
      findings.push(finding("useCallback", "type", `expected boolean, got ${typeName(json.useCallback)}`));
    } else useCallback = json.useCallback;
  }
  const callback = useCallback === true;
  if (callback && !opts.allowCallback) {
    findings.push(finding("useCallback", "callback_not_allowed", "this block does not allow callbacks"));
  }

  let data: Record<string, unknown> | undefined;
  if (json.data !== undefined && json.data !== null) {
    if (isObject(json.data)) data = json.data;
    else findings.push(finding("data", "type", `expected object, got ${typeName(json.data)}`));
  }

  let extra: Record<string, unknown> | undefined;
  if (json.extra !== undefined && json.extra !== null) {
    if (isObject(json.extra)) extra = json.extra;
    else findings.push(finding("extra", "type", `expected object, got ${typeName(json.extra)}`));
  }

  let context: ContextControl | undefined;
  if (json.context !== undefined && json.context !== null) {
    const parsed = parseWith(contextControlSchema, json.context, "context");
    findings.push(...parsed.findings);
    context = parsed.value;
  }

  let template: TemplateResult["template"];
  const rawTemplate = json.template ?? undefined;
  if (rawTemplate !== undefined) {
    const result = validateTemplate(rawTemplate, "template");
    findings.push(...result.findings);
    template = result.template;
    if (callback && opts.allowCallback) {
      findings.push(finding("template", "template_ignored", "ignored when useCallback is true", "warning"));
    }
  } else if (!callback) {
    if (opts.usesSkillData) {
      findings.push(finding("template", "template_required", "required when the block uses skill data"));
    } else if (data === undefined) {
      findings.push(finding("", "empty_response", "neither template nor data: the block's outputs get no values", "warning"));
    }
  }

  if (hasErrors(findings)) return { ok: false, findings };
  const response: SkillResponse = { version: "2.0" };
  if (template !== undefined) response.template = template;
  if (context !== undefined) response.context = context;
  if (data !== undefined) response.data = data;
  if (useCallback !== undefined) response.useCallback = useCallback;
  if (extra !== undefined) response.extra = extra;
  return { ok: true, response, findings };
}
