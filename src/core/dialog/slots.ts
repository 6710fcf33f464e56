/**
 * Parameter values: extraction from an utterance, filling from a slot-filling reply, and the
 * readable form `$name` renders.
 */
import type { Block, BlockParameter } from "../bot/schema.js";
import {
  type CustomEntityDefinition,
  type EntityValue,
  type ExtractionContext,
  extractEntity,
  parseEntityReply,
} from "../nlu/entities/index.js";
import type { ParamValue } from "./types.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

/**
 * What a bot builder expects `$date` to print: a date as 2026-03-03, a time as 15:30, a number as 3
 * (without its counter), a custom entity as its representative entry.
 */
export function displayOf(value: EntityValue): string {
  const r = value.resolved;
  const primitive = str(r);
  if (primitive !== null) return primitive;
  if (isRecord(r)) {
    const date = str(r.date);
    const rawTime = str(r.time);
    // "15:00:00" reads as 15:00 in an answer; seconds only when they matter.
    const time = rawTime && /^\d{2}:\d{2}:00$/.test(rawTime) ? rawTime.slice(0, 5) : rawTime;
    if (date && time) return `${date} ${time}`;
    if (date) return date;
    if (time) return time;
    // Numbers print bare: builders write the counter themselves ("$people명").
    const amount = str(r.amount);
    if (amount !== null) return amount;
    const inner = str(r.value);
    if (inner !== null) return inner;
  }
  return value.value || value.origin;
}

export function toParamValue(value: EntityValue): ParamValue {
  return { entity: value.entity, origin: value.origin, value: value.value, display: displayOf(value) };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Extracts the block's still-missing parameters from `text`. Two parameters with the same entity
 * take successive values ("2명 3박" → first and second sys.number); a span is never used twice.
 */
export function extractMissing(
  block: Block,
  filled: Readonly<Record<string, ParamValue>>,
  text: string,
  ctx: ExtractionContext,
  custom: readonly CustomEntityDefinition[],
  usedSpans: Array<{ start: number; end: number }> = [],
): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = { ...filled };
  for (const param of block.parameters) {
    if (out[param.name]) continue;
    const found = extractEntity(param.entity, text, ctx, custom).find((v) => !usedSpans.some((s) => overlaps(s, v)));
    if (!found) continue;
    usedSpans.push({ start: found.start, end: found.end });
    out[param.name] = toParamValue(found);
  }
  return out;
}

/** Reads a slot-filling reply as a value of `param`'s entity (the whole reply is the answer). */
export function parseReply(
  param: BlockParameter,
  reply: string,
  ctx: ExtractionContext,
  custom: readonly CustomEntityDefinition[],
): EntityValue | null {
  return parseEntityReply(param.entity, reply, ctx, custom);
}

export function firstMissingRequired(block: Block, params: Readonly<Record<string, ParamValue>>): BlockParameter | null {
  return block.parameters.find((p) => p.required && !params[p.name]) ?? null;
}

/** The question for the `reasks`-th re-ask: prompts are used in turn, the last one repeats. */
export function promptFor(param: BlockParameter, reasks: number): string {
  if (param.prompts.length === 0) return `${param.name}을(를) 알려 주세요.`;
  return param.prompts[Math.min(reasks, param.prompts.length - 1)] ?? param.prompts[0] ?? "";
}
