/**
 * Conversation tests ("stories"): YAML files of user turns and what the bot must do on each.
 * Format and examples in docs/conversation-engine.md ("Stories"). Skills are answered by stubs in
 * the file, so stories run offline; `options.callSkill` can replace them.
 */
import { parseDocument } from "yaml";
import { z } from "zod";
import type { OutputComponent, QuickReply } from "../skill/components.js";
import { validateSkillResponse } from "../skill/validate-response.js";
import type { CompiledBot } from "./compile.js";
import { runTurn } from "./run-turn.js";
import type { ConversationState, SkillOutcome, TurnEnvironment, TurnInput, TurnResult, TurnTrace, UserInfo } from "./types.js";

const textExpectationSchema = z.union([
  z.string(),
  z.strictObject({ contains: z.union([z.string(), z.array(z.string()).min(1)]) }),
  z.strictObject({ equals: z.string() }),
]);

const isoInstant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO date-time such as 2026-03-02T10:00:00+09:00");

/** "90", "30s", "10m", "2h", "1d" → seconds. */
const durationSchema = z.union([
  z.number().nonnegative(),
  z.string().regex(/^\d+(\.\d+)?\s*[smhd]?$/, 'must be seconds or a duration such as "30s", "10m", "2h"'),
]);

const turnSchema = z
  .strictObject({
    user: z.string().optional(),
    click: z
      .strictObject({
        source: z.enum(["card", "quickReply", "list"]).optional(),
        label: z.string(),
      })
      .optional(),
    welcome: z.literal(true).optional(),
    event: z
      .strictObject({
        name: z.string(),
        data: z.record(z.string(), z.unknown()).optional(),
        params: z.record(z.string(), z.string()).optional(),
      })
      .optional(),
    /** Advance the clock before this turn (context TTLs). */
    wait: durationSchema.optional(),
    block: z.string().optional(),
    params: z.record(z.string(), z.string()).optional(),
    contexts: z.array(z.string()).optional(),
    notContexts: z.array(z.string()).optional(),
    text: textExpectationSchema.optional(),
    quickReplies: z.array(z.string()).optional(),
    fallback: z.boolean().optional(),
  })
  .refine(
    (t) => [t.user !== undefined, t.click !== undefined, t.welcome !== undefined, t.event !== undefined].filter(Boolean).length === 1,
    "a turn needs exactly one of user, click, welcome or event",
  );

const storySchema = z.strictObject({
  name: z.string().min(1),
  now: isoInstant.optional(),
  turns: z.array(turnSchema).min(1),
});

export const storyFileSchema = z.strictObject({
  now: isoInstant.optional(),
  /** Skill id → canned SkillResponse, or `{fail: "timeout"}` to make the call fail. */
  skills: z.record(z.string(), z.unknown()).default({}),
  stories: z.array(storySchema).min(1),
});

export type StoryFile = z.infer<typeof storyFileSchema>;
type StoryTurn = z.infer<typeof turnSchema>;

export interface StoryOptions {
  /** Clock used when neither the story nor the file sets `now`. Default 2026-01-05T10:00:00+09:00. */
  now?: Date;
  botId?: string;
  user?: UserInfo;
  surface?: "channel" | "test";
  /** Replaces the file's skill stubs (e.g. to call real skills). */
  callSkill?: TurnEnvironment["callSkill"];
}

export interface StoryFailure {
  what: string;
  expected: string;
  actual: string;
}

export interface StoryTurnReport {
  index: number;
  /** The turn as written: `user: 배송 조회`, `click: 주문 취소`... */
  input: string;
  passed: boolean;
  failures: StoryFailure[];
  block: string | null;
  answer: string;
  trace?: TurnTrace;
}

export interface StoryResult {
  name: string;
  passed: boolean;
  turns: StoryTurnReport[];
  /** Turns not run because an earlier one failed. */
  skipped: number;
}

export interface StoryReport {
  passed: boolean;
  /** Problems with the file itself (YAML or format errors). */
  errors: string[];
  stories: StoryResult[];
}

const DEFAULT_NOW = new Date("2026-01-05T10:00:00+09:00");

export function parseStoryFile(text: string): { ok: true; file: StoryFile } | { ok: false; errors: string[] } {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) return { ok: false, errors: doc.errors.map((e) => e.message.split("\n")[0] ?? e.message) };
  const parsed = storyFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map(
        (i) =>
          `${
            i.path
              .map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`))
              .join("")
              .replace(/^\./, "") || "(file)"
          }: ${i.message}`,
      ),
    };
  }
  return { ok: true, file: parsed.data };
}

export async function runStories(bot: CompiledBot, storyFileText: string, options: StoryOptions = {}): Promise<StoryReport> {
  const parsed = parseStoryFile(storyFileText);
  if (!parsed.ok) return { passed: false, errors: parsed.errors, stories: [] };
  const file = parsed.file;
  const stories: StoryResult[] = [];
  for (const story of file.stories) {
    const start = story.now ?? file.now;
    stories.push(await runStory(bot, story, file.skills, start ? new Date(start) : (options.now ?? DEFAULT_NOW), options));
  }
  return { passed: stories.every((s) => s.passed), errors: [], stories };
}

function stubSkillCaller(stubs: Record<string, unknown>): TurnEnvironment["callSkill"] {
  return async (call): Promise<SkillOutcome> => {
    const stub = stubs[call.skill.id];
    if (stub === undefined)
      return { ok: false, reason: "no_stub", detail: `the story file has no stub for skill "${call.skill.id}"`, latencyMs: 0 };
    if (typeof stub === "object" && stub !== null && "fail" in stub) {
      return { ok: false, reason: String(stub.fail), detail: "failure requested by the story stub", latencyMs: 0 };
    }
    const result = validateSkillResponse(stub, { usesSkillData: call.usesSkillData, allowCallback: call.allowCallback });
    if (!result.ok || !result.response) {
      const detail = result.findings.map((f) => f.message).join("; ");
      return { ok: false, reason: "invalid_response", detail, latencyMs: 0, findings: result.findings };
    }
    return { ok: true, response: result.response, findings: result.findings, latencyMs: 0 };
  };
}

async function runStory(
  bot: CompiledBot,
  story: z.infer<typeof storySchema>,
  stubs: Record<string, unknown>,
  start: Date,
  options: StoryOptions,
): Promise<StoryResult> {
  let clock = start.getTime();
  let state: ConversationState | null = null;
  let previous: TurnResult | null = null;
  const turns: StoryTurnReport[] = [];
  const callSkill = options.callSkill ?? stubSkillCaller(stubs);
  for (const [index, step] of story.turns.entries()) {
    if (step.wait !== undefined) clock += durationSeconds(step.wait) * 1000;
    const label = describeTurn(step);
    const input = toInput(step, previous);
    if (!input.ok) {
      turns.push({
        index,
        input: label,
        passed: false,
        failures: [{ what: "click", expected: step.click?.label ?? "", actual: input.error }],
        block: null,
        answer: "",
      });
      return { name: story.name, passed: false, turns, skipped: story.turns.length - index - 1 };
    }
    const env: TurnEnvironment = {
      now: new Date(clock),
      user: options.user ?? { botUserKey: "story-user" },
      surface: options.surface ?? "test",
      botId: options.botId ?? "story-bot",
      callSkill,
    };
    const result = await runTurn(bot, state, input.input, env);
    state = result.state;
    previous = result;
    const failures = check(step, result);
    turns.push({
      index,
      input: label,
      passed: failures.length === 0,
      failures,
      block: result.trace.block?.name ?? null,
      answer: answerText(result.response.outputs),
      trace: result.trace,
    });
    if (failures.length > 0) return { name: story.name, passed: false, turns, skipped: story.turns.length - index - 1 };
  }
  return { name: story.name, passed: true, turns, skipped: 0 };
}

function durationSeconds(d: number | string): number {
  if (typeof d === "number") return d;
  const m = /^(\d+(?:\.\d+)?)\s*([smhd]?)$/.exec(d);
  if (!m) return 0;
  const unit = m[2] === "m" ? 60 : m[2] === "h" ? 3600 : m[2] === "d" ? 86_400 : 1;
  return Number(m[1]) * unit;
}

function describeTurn(step: StoryTurn): string {
  if (step.user !== undefined) return `user: ${step.user}`;
  if (step.click) return `click: ${step.click.label}${step.click.source ? ` (${step.click.source})` : ""}`;
  if (step.welcome) return "welcome";
  if (step.event) return `event: ${step.event.name}`;
  return "?";
}

type Clickable = { source: "card" | "quickReply" | "list"; label: string; node: Record<string, unknown> };

/** Every button, quick reply and list item of an answer, in display order (quick replies last). */
export function clickables(outputs: readonly OutputComponent[], quickReplies: readonly QuickReply[]): Clickable[] {
  const out: Clickable[] = [];
  const cards: Array<Record<string, unknown>> = [];
  for (const o of outputs) {
    if ("carousel" in o) cards.push(...o.carousel.items);
    else if ("textCard" in o) cards.push(o.textCard);
    else if ("basicCard" in o) cards.push(o.basicCard);
    else if ("commerceCard" in o) cards.push(o.commerceCard);
    else if ("listCard" in o) cards.push(o.listCard);
    else if ("itemCard" in o) cards.push(o.itemCard);
  }
  for (const card of cards) {
    const items = card.items;
    if (Array.isArray(items)) {
      for (const item of items)
        if (isRecord(item) && typeof item.title === "string") out.push({ source: "list", label: item.title, node: item });
    }
    const buttons = card.buttons;
    if (Array.isArray(buttons)) {
      for (const b of buttons) if (isRecord(b) && typeof b.label === "string") out.push({ source: "card", label: b.label, node: b });
    }
  }
  for (const q of quickReplies) out.push({ source: "quickReply", label: q.label, node: q });
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function extraOf(node: Record<string, unknown>): Record<string, unknown> | undefined {
  return isRecord(node.extra) ? { ...node.extra } : undefined;
}

/** Turns a click on a labelled button of the previous answer into the input the channel would send. */
export function clickInput(
  previous: Pick<TurnResult, "response"> | null,
  click: { source?: "card" | "quickReply" | "list"; label: string },
): { ok: true; input: TurnInput } | { ok: false; error: string } {
  const all = previous ? clickables(previous.response.outputs, previous.response.quickReplies) : [];
  const target = all.find((c) => c.label === click.label && (!click.source || c.source === click.source));
  if (!target) {
    const labels = all.map((c) => `"${c.label}"`).join(", ") || "none";
    return { ok: false, error: `no button "${click.label}" in the previous answer (buttons: ${labels})` };
  }
  const { node, source } = target;
  const action = node.action;
  const extra = extraOf(node);
  if (action === "block" && typeof node.blockId === "string") {
    return {
      ok: true,
      input: { type: "action", source, action: "block", blockId: node.blockId, label: target.label, ...(extra ? { extra } : {}) },
    };
  }
  if (action === "message" || (source === "list" && action === undefined && node.link === undefined)) {
    const text = typeof node.messageText === "string" ? node.messageText : target.label;
    return { ok: true, input: { type: "action", source, action: "message", text, ...(extra ? { extra } : {}) } };
  }
  return { ok: false, error: `button "${click.label}" has action "${String(action ?? "link")}", which does not send anything to the bot` };
}

function toInput(step: StoryTurn, previous: TurnResult | null): { ok: true; input: TurnInput } | { ok: false; error: string } {
  if (step.user !== undefined) return { ok: true, input: { type: "text", text: step.user } };
  if (step.welcome) return { ok: true, input: { type: "welcome" } };
  if (step.event) {
    const input: TurnInput = { type: "event", name: step.event.name };
    if (step.event.data) input.data = step.event.data;
    if (step.event.params) input.params = step.event.params;
    return { ok: true, input };
  }
  if (step.click) return clickInput(previous, step.click);
  return { ok: false, error: "empty turn" };
}

/** The readable text of an answer: texts, titles, descriptions and list items, one per line. */
export function answerText(outputs: readonly OutputComponent[]): string {
  const lines: string[] = [];
  const visit = (node: unknown, key: string): void => {
    if (typeof node === "string") {
      if (key === "text" || key === "title" || key === "description") lines.push(node);
      return;
    }
    if (Array.isArray(node)) {
      for (const child of node) visit(child, key);
      return;
    }
    if (!isRecord(node)) return;
    for (const [k, child] of Object.entries(node)) {
      if (k === "buttons" || k === "thumbnail" || k === "thumbnails" || k === "profile" || k === "extra") continue;
      visit(child, k);
    }
  };
  visit(outputs, "");
  return lines.join("\n");
}

function check(step: StoryTurn, result: TurnResult): StoryFailure[] {
  const failures: StoryFailure[] = [];
  const { trace, response } = result;
  const blockName = trace.block?.name ?? "(no block)";
  if (step.block !== undefined && trace.block?.name !== step.block && trace.block?.id !== step.block) {
    failures.push({ what: "block", expected: step.block, actual: describeBlock(trace) });
  }
  if (step.fallback !== undefined && (trace.block?.type === "fallback") !== step.fallback) {
    failures.push({
      what: "fallback",
      expected: String(step.fallback),
      actual: `${trace.block?.type === "fallback"} (block ${blockName})`,
    });
  }
  for (const [name, expected] of Object.entries(step.params ?? {})) {
    const actual = paramValues(trace, name);
    if (actual === null || !actual.includes(expected)) {
      failures.push({ what: `params.${name}`, expected, actual: actual === null ? "(not filled)" : actual.join(" | ") });
    }
  }
  const alive = trace.contexts.map((c) => c.name);
  for (const name of step.contexts ?? []) {
    if (!alive.includes(name)) failures.push({ what: "contexts", expected: `${name} alive`, actual: `alive: [${alive.join(", ")}]` });
  }
  for (const name of step.notContexts ?? []) {
    if (alive.includes(name)) failures.push({ what: "notContexts", expected: `${name} not alive`, actual: `alive: [${alive.join(", ")}]` });
  }
  const text = answerText(response.outputs);
  if (step.text !== undefined) {
    if (typeof step.text === "string" || "equals" in step.text) {
      const expected = typeof step.text === "string" ? step.text : step.text.equals;
      if (text !== expected) failures.push({ what: "text", expected, actual: text });
    } else {
      const parts = typeof step.text.contains === "string" ? [step.text.contains] : step.text.contains;
      for (const part of parts) if (!text.includes(part)) failures.push({ what: "text contains", expected: part, actual: text });
    }
  }
  if (step.quickReplies !== undefined) {
    const labels = response.quickReplies.map((q) => q.label);
    if (labels.join("\u0000") !== step.quickReplies.join("\u0000")) {
      failures.push({ what: "quickReplies", expected: JSON.stringify(step.quickReplies), actual: JSON.stringify(labels) });
    }
  }
  return failures;
}

function describeBlock(trace: TurnTrace): string {
  if (!trace.block) return "(no block)";
  const m = trace.match;
  const score = m
    ? ` (score ${m.score.toFixed(3)}, threshold ${m.threshold.toFixed(3)}${m.candidates[0] ? `, best "${m.candidates[0].blockName}" via "${m.candidates[0].example}"` : ""})`
    : "";
  return `${trace.block.name}${score}`;
}

/** A parameter expectation matches the readable value, the protocol value or the origin text. */
function paramValues(trace: TurnTrace, name: string): string[] | null {
  const p = trace.parameters[name];
  if (!p) return null;
  return [...new Set([p.display, p.value, p.origin])];
}

export function formatStoryReport(report: StoryReport, fileName = "stories"): string {
  const lines: string[] = [];
  if (report.errors.length > 0) {
    lines.push(`✗ ${fileName}: invalid story file`);
    for (const e of report.errors) lines.push(`    ${e}`);
    return lines.join("\n");
  }
  for (const story of report.stories) {
    lines.push(`${story.passed ? "✓" : "✗"} ${story.name}`);
    if (story.passed) continue;
    for (const turn of story.turns) {
      if (turn.passed) {
        lines.push(`    ✓ ${turn.index + 1}. ${turn.input} → ${turn.block ?? "(no block)"}`);
        continue;
      }
      lines.push(`    ✗ ${turn.index + 1}. ${turn.input} → ${turn.block ?? "(no block)"}`);
      for (const f of turn.failures) {
        lines.push(`        ${f.what}:`);
        lines.push(`          - expected: ${indent(f.expected)}`);
        lines.push(`          + actual:   ${indent(f.actual)}`);
      }
      if (turn.answer && !turn.failures.some((f) => f.what.startsWith("text"))) lines.push(`        answer: ${indent(turn.answer)}`);
    }
    if (story.skipped > 0) lines.push(`    … ${story.skipped} later turn(s) not run`);
  }
  const failed = report.stories.filter((s) => !s.passed).length;
  lines.push(`${report.stories.length - failed} passed, ${failed} failed`);
  return lines.join("\n");
}

function indent(text: string): string {
  return text.replace(/\n/g, "\n                      ");
}
