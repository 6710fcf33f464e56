/**
 * One turn of a conversation: trigger → block → parameters → contexts → skill → answer.
 * Pure: time comes from env.now and every outside call goes through env (see types.ts).
 * The rules are written down in docs/conversation-engine.md.
 */
import type { Block, KnowledgeEntry } from "../bot/schema.js";
import { extractEntity } from "../nlu/entities/index.js";
import type { MatchResult } from "../nlu/matcher.js";
import { type OutputComponent, outputComponentSchema, type QuickReply, quickReplySchema } from "../skill/components.js";
import { buildSkillPayload, type FlowTriggerType } from "../skill/payload.js";
import type { SkillResponse } from "../skill/response.js";
import { buildValidationPayload } from "../skill/validation-skill.js";
import { type CompiledBot, isExitPhrase } from "./compile.js";
import { ageContexts, aliveContexts, allAlive, applyContextUpdates, type ContextUpdate } from "./contexts.js";
import { extractMissing, firstMissingRequired, parseReply, promptFor, toParamValue } from "./slots.js";
import { renderDeep, renderText, type TemplateScope } from "./template.js";
import type {
  ActionSource,
  BlockRef,
  ConversationState,
  ParamValue,
  PendingSlotFilling,
  StoredContext,
  TriggerType,
  TurnEnvironment,
  TurnInput,
  TurnResponse,
  TurnResult,
  TurnTrace,
} from "./types.js";

export const DEFAULT_CALLBACK_WAITING_TEXT = "답변을 준비하고 있어요. 잠시만 기다려 주세요.";

export function initialState(): ConversationState {
  return { version: 1, turn: 0, contexts: [], pending: null, lastBlock: null };
}

const ACTION_TRIGGERS: Record<ActionSource, Record<"message" | "block", FlowTriggerType>> = {
  card: { message: "CARD_BUTTON_MESSAGE", block: "CARD_BUTTON_BLOCK" },
  list: { message: "LIST_ITEM_MESSAGE", block: "LIST_ITEM_BLOCK" },
  quickReply: { message: "QUICKREPLY_BUTTON_MESSAGE", block: "QUICKREPLY_BUTTON_BLOCK" },
  listMenu: { message: "LISTMENU_MESSAGE", block: "LISTMENU_BLOCK" },
};

function triggerTypeOf(input: TurnInput): TriggerType {
  switch (input.type) {
    case "text":
      return "TEXT_INPUT";
    case "welcome":
      return "WELCOME";
    case "event":
      return "EVENT";
    case "action":
      return ACTION_TRIGGERS[input.source][input.action];
  }
}

function refOf(block: Block): BlockRef {
  return { id: block.id, name: block.name };
}

/** The mutable working set of one turn. */
class Turn {
  contexts: StoredContext[];
  /** Contexts alive when the turn started: eligibility and the skill payload use these. */
  readonly startContexts: StoredContext[];
  readonly setNames = new Set<string>();
  /**
   * Context params answers can read: alive at the start of the turn or set during it. A context the
   * running block deletes stays readable for this answer ("주문 #ordering.orderId 취소").
   */
  visible: Record<string, Record<string, string>> = {};
  pending: PendingSlotFilling | null;
  lastBlock: BlockRef | null;
  response: TurnResponse = { outputs: [], quickReplies: [] };
  readonly trace: TurnTrace;
  readonly utterance: string;
  readonly clientExtra: Record<string, unknown> | null;
  readonly triggerType: TriggerType;
  readonly referrerBlock: BlockRef | undefined;
  /** A knowledge-base answer chosen this turn; the fallback's skill then sees it as "지식+". */
  knowledge: { entry: KnowledgeEntry; score: number } | null = null;

  constructor(
    readonly compiled: CompiledBot,
    readonly previous: ConversationState,
    readonly input: TurnInput,
    readonly env: TurnEnvironment,
  ) {
    this.contexts = aliveContexts(previous.contexts, env.now);
    this.startContexts = this.contexts;
    for (const c of this.contexts) this.visible[c.name] = c.params;
    this.pending = previous.pending;
    this.lastBlock = previous.lastBlock;
    this.triggerType = triggerTypeOf(input);
    this.referrerBlock = input.type === "action" ? (previous.lastBlock ?? undefined) : undefined;
    this.utterance =
      input.type === "text" || (input.type === "action" && input.action === "message")
        ? input.text
        : input.type === "action"
          ? input.label
          : "";
    this.clientExtra = input.type === "action" && input.extra ? { ...input.extra } : null;
    const trigger: TurnTrace["trigger"] = { type: this.triggerType };
    if (this.referrerBlock) trigger.referrerBlock = this.referrerBlock;
    if (previous.lastBlock) trigger.lastBlock = previous.lastBlock;
    this.trace = { block: null, trigger, utterance: this.utterance, parameters: {}, contexts: [], findings: [] };
  }

  get extraction() {
    return { now: this.env.now, timezone: this.compiled.bot.timezone };
  }

  setContexts(updates: readonly ContextUpdate[]): void {
    this.contexts = applyContextUpdates(this.contexts, updates, this.env.now, this.setNames);
    for (const u of updates) if (u.lifeSpan > 0) this.visible[u.name] = { ...(u.params ?? {}) };
  }

  resetContexts(): void {
    this.contexts = [];
    this.visible = {};
    this.setNames.clear();
  }

  scope(block: Block | null, params: Readonly<Record<string, ParamValue>>, webhook?: Record<string, unknown>): TemplateScope {
    const contexts = { ...this.visible };
    const current: Record<string, unknown> = { utterance: this.utterance };
    if (this.input.type === "event") current.event = { name: this.input.name, data: this.input.data ?? {} };
    if (this.clientExtra) current.clientExtra = this.clientExtra;
    const scope: TemplateScope = {
      params,
      paramNames: [...new Set([...(block?.parameters.map((p) => p.name) ?? []), ...Object.keys(params)])],
      contexts,
      declaredContexts: this.compiled.declaredContexts,
      current,
    };
    if (webhook) scope.webhook = webhook;
    return scope;
  }

  finish(): TurnResult {
    const contexts = ageContexts(this.contexts, this.setNames, this.env.now);
    this.trace.contexts = contexts.map((c) => ({ ...c, params: { ...c.params } }));
    const state: ConversationState = {
      version: 1,
      turn: this.previous.turn + 1,
      contexts,
      pending: this.pending,
      lastBlock: this.lastBlock,
    };
    return { state, response: this.response, trace: this.trace };
  }
}

/** Runs one turn. `state` is null for a new conversation; the result's state is plain JSON. */
export async function runTurn(
  compiled: CompiledBot,
  state: ConversationState | null,
  input: TurnInput,
  env: TurnEnvironment,
): Promise<TurnResult> {
  const turn = new Turn(compiled, state ?? initialState(), input, env);
  switch (input.type) {
    case "welcome":
      if (compiled.welcome?.enabled) await runBlock(turn, compiled.welcome, {}, { extractFrom: null, ask: false });
      else turn.trace.findings.push("the welcome block is off: nothing is sent");
      break;
    case "event": {
      const block = compiled.blocksByEvent.get(input.name);
      if (!block) {
        turn.trace.findings.push(`no event block is named "${input.name}"`);
        break;
      }
      // Event API params fill parameters of the same name; there is nobody to ask for missing ones.
      const params: Record<string, ParamValue> = {};
      for (const p of block.parameters) {
        const v = input.params?.[p.name];
        if (v !== undefined) params[p.name] = { entity: p.entity, origin: v, value: v, display: v };
      }
      // A pushed event must not break a slot-filling loop the user is in.
      const pending = turn.pending;
      await runBlock(turn, block, params, { extractFrom: null, ask: false });
      turn.pending = pending;
      break;
    }
    case "action":
      if (input.action === "block") {
        await runBlockAction(turn, input.blockId);
        break;
      }
      await handleUtterance(turn, input.text);
      break;
    case "text":
      await handleUtterance(turn, input.text);
      break;
  }
  return turn.finish();
}

/** A `block` button: bypasses matching (and ends any slot-filling loop), runs the block directly. */
async function runBlockAction(turn: Turn, blockId: string): Promise<void> {
  const block = turn.compiled.blocksById.get(blockId);
  if (turn.pending) {
    turn.trace.findings.push(`left the slot-filling loop of block "${turn.pending.blockId}" through a block button`);
    turn.pending = null;
  }
  if (!block) {
    turn.trace.findings.push(`button points at unknown block "${blockId}": fallback`);
    await runFallback(turn);
    return;
  }
  if (block.type === "exit") {
    await runExit(turn);
    return;
  }
  await runBlock(turn, block, {}, { extractFrom: null, ask: true });
}

async function handleUtterance(turn: Turn, text: string): Promise<void> {
  if (turn.pending) {
    const block = turn.compiled.blocksById.get(turn.pending.blockId);
    if (block) {
      await continueSlotFilling(turn, block, turn.pending, text);
      return;
    }
    turn.pending = null;
  }
  const { compiled } = turn;
  const alive = new Set(turn.startContexts.map((c) => c.name));
  const eligible = new Set(compiled.normalBlocks.filter((b) => allAlive(b.inputContexts, alive)).map((b) => b.id));
  const m = matchWithSlotValues(turn, text, eligible);
  turn.trace.match = {
    score: m.score,
    accepted: m.accepted,
    exact: m.exact,
    threshold: compiled.threshold,
    candidates: m.candidates.map((c) => ({
      blockId: c.intent,
      blockName: compiled.blocksById.get(c.intent)?.name ?? c.intent,
      score: c.score,
      example: c.example ?? "",
    })),
  };
  const matched = m.intent ? compiled.blocksById.get(m.intent) : undefined;
  // An exact utterance of a block beats an exit phrase; an exit phrase beats a fuzzy match.
  if (matched && m.exact) {
    await runBlock(turn, matched, {}, { extractFrom: extractionText(turn, text), ask: true });
  } else if (isExitPhrase(compiled, text)) {
    await runExit(turn);
  } else if (matched && m.accepted) {
    await runBlock(turn, matched, {}, { extractFrom: extractionText(turn, text), ask: true });
  } else if (findKnowledge(turn, text)) {
    await runKnowledge(turn);
  } else {
    await runFallback(turn);
  }
}

/** The best knowledge-base entry for `text` above the bot's knowledge threshold, kept on the turn. */
function findKnowledge(turn: Turn, text: string): boolean {
  const { compiled } = turn;
  if (!compiled.knowledge) return false;
  const candidates = new Set(compiled.knowledge.search.search(text, { limit: 5 }).map((h) => h.id));
  if (candidates.size === 0) return false;
  const best = compiled.knowledge.matcher.match(text, { eligible: candidates, topK: 1 }).candidates[0];
  const entry = best ? compiled.bot.knowledge.entries[Number(best.intent)] : undefined;
  if (!best || !entry) return false;
  const { threshold } = compiled.bot.knowledge;
  turn.trace.findings.push(`closest knowledge question "${entry.question}" scored ${best.score.toFixed(3)} (threshold ${threshold})`);
  if (best.score < threshold) return false;
  turn.knowledge = { entry, score: best.score };
  turn.trace.knowledge = { question: entry.question, answer: entry.answer, score: best.score };
  return true;
}

/**
 * A knowledge answer. When the fallback block uses a skill, the skill decides (its request says
 * intent "지식+" and carries the matched entry, as the platform does); otherwise the answer is sent.
 */
async function runKnowledge(turn: Turn): Promise<void> {
  const fallback = turn.compiled.fallback;
  const knowledge = turn.knowledge;
  if (!knowledge) return;
  if (fallback && (fallback.skill || (fallback.useSkillData && turn.compiled.bot.settings.defaultSkill))) {
    await runFallback(turn);
    return;
  }
  const { entry } = knowledge;
  const buttons = entry.landingUrl ? [{ label: "자세히 보기", action: "webLink" as const, webLinkUrl: entry.landingUrl }] : [];
  const outputs: TurnResponse["outputs"] = entry.imageUrl
    ? [
        {
          basicCard: {
            title: entry.question.slice(0, 50),
            description: entry.answer.slice(0, 230),
            thumbnail: { imageUrl: entry.imageUrl },
            buttons,
          },
        },
      ]
    : buttons.length > 0
      ? [
          {
            textCard: {
              title: entry.question.slice(0, 50),
              description: entry.answer.slice(0, 400 - Math.min(50, entry.question.length)),
              buttons,
            },
          },
        ]
      : [{ simpleText: { text: entry.answer } }];
  turn.response = { outputs, quickReplies: [] };
}

/**
 * Slot values dilute the similarity to a block's examples ("방문 예약 내일 2명" vs "방문 예약"). When
 * the plain match is not accepted, the entity values that eligible blocks take as parameters are cut
 * out and the rest is matched again; that result counts only for a block that has such a parameter.
 */
function matchWithSlotValues(turn: Turn, text: string, eligible: ReadonlySet<string>): MatchResult {
  const { compiled } = turn;
  const first = compiled.matcher.match(text, { eligible, topK: 5 });
  if (first.accepted) return first;
  const entities = new Set<string>();
  for (const id of eligible)
    for (const p of compiled.blocksById.get(id)?.parameters ?? []) if (p.entity !== "sys.text") entities.add(p.entity);
  const spans: Array<{ start: number; end: number; entity: string }> = [];
  for (const entity of entities) {
    for (const v of extractEntity(entity, text, turn.extraction, compiled.customEntities))
      spans.push({ start: v.start, end: v.end, entity });
  }
  if (spans.length === 0) return first;
  let rest = "";
  for (let i = 0; i < text.length; i++) rest += spans.some((sp) => i >= sp.start && i < sp.end) ? " " : text[i];
  if (rest.trim().length === 0) return first;
  const second = compiled.matcher.match(rest, { eligible, topK: 5 });
  const block = second.intent ? compiled.blocksById.get(second.intent) : undefined;
  const usesValue = block?.parameters.some((p) => spans.some((sp) => sp.entity === p.entity)) ?? false;
  if (!second.accepted || !usesValue) return first;
  turn.trace.findings.push(`matched after setting aside slot values: "${rest.replace(/\s+/g, " ").trim()}"`);
  return second;
}

/** Quick-reply text is not run through entity extraction (spec §1.4); typed text and other buttons are. */
function extractionText(turn: Turn, text: string): string | null {
  return turn.triggerType === "QUICKREPLY_BUTTON_MESSAGE" ? null : text;
}

async function continueSlotFilling(turn: Turn, block: Block, pending: PendingSlotFilling, reply: string): Promise<void> {
  const { compiled } = turn;
  if (isExitPhrase(compiled, reply)) {
    turn.trace.slotFilling = { blockId: block.id, parameter: pending.asking, reasks: pending.reasks, outcome: "exited" };
    await runExit(turn);
    return;
  }
  const param = block.parameters.find((p) => p.name === pending.asking);
  let params = { ...pending.params };
  const value = param ? parseReply(param, reply, turn.extraction, compiled.customEntities) : null;
  let rejection: string | undefined;
  if (param && value) {
    const verdict = await validateValue(turn, block, param.name, toParamValue(value), true);
    if (verdict.ok) {
      params[param.name] = verdict.value;
      // The reply may carry more than was asked ("내일 3시"): fill other missing parameters too.
      const more = extractMissing(block, params, reply, turn.extraction, compiled.customEntities, [{ start: value.start, end: value.end }]);
      params = await validateNew(turn, block, params, more, true);
      turn.trace.slotFilling = { blockId: block.id, parameter: param.name, reasks: pending.reasks, outcome: "filled" };
      await runBlock(turn, block, params, { extractFrom: null, ask: true, trigger: pending });
      return;
    }
    rejection = verdict.message;
  }
  const limit = param?.maxReprompts ?? compiled.bot.settings.maxReprompts;
  if (param && pending.reasks < limit) {
    const reasks = pending.reasks + 1;
    turn.pending = { ...pending, reasks };
    turn.trace.slotFilling = { blockId: block.id, parameter: param.name, reasks, outcome: "asked" };
    ask(turn, block, params, rejection ?? promptFor(param, reasks));
    return;
  }
  turn.trace.slotFilling = { blockId: block.id, parameter: pending.asking, reasks: pending.reasks, outcome: "gave-up" };
  turn.trace.findings.push(`no value for "${pending.asking}" after ${pending.reasks} re-ask(s): fallback`);
  turn.pending = null;
  await runFallback(turn);
}

function ask(turn: Turn, block: Block, params: Readonly<Record<string, ParamValue>>, question: string): void {
  turn.trace.block = { id: block.id, name: block.name, type: block.type };
  turn.trace.parameters = traceParams(params);
  turn.response = { outputs: [{ simpleText: { text: renderText(question, turn.scope(block, params)) } }], quickReplies: [] };
  turn.lastBlock = refOf(block);
}

function traceParams(params: Readonly<Record<string, ParamValue>>): TurnTrace["parameters"] {
  const out: TurnTrace["parameters"] = {};
  for (const [name, p] of Object.entries(params)) out[name] = { origin: p.origin, value: p.value, display: p.display };
  return out;
}

async function runFallback(turn: Turn): Promise<void> {
  const fallback = turn.compiled.fallback;
  if (!fallback) {
    turn.trace.findings.push("the bot has no fallback block");
    return;
  }
  await runBlock(turn, fallback, {}, { extractFrom: null, ask: false });
}

/** The exit block ends any loop and resets the dialogue: pending values and all contexts go. */
async function runExit(turn: Turn): Promise<void> {
  turn.pending = null;
  turn.resetContexts();
  const exit = turn.compiled.exit;
  if (!exit) {
    turn.trace.findings.push("the bot has no exit block");
    return;
  }
  await runBlock(turn, exit, {}, { extractFrom: null, ask: false });
}

interface RunOptions {
  /** Text to extract parameters from, or null (block buttons, quick replies, system blocks). */
  extractFrom: string | null;
  /** Whether a missing required parameter starts (or continues) a slot-filling loop. */
  ask: boolean;
  /** The loop being completed: its trigger and button extra travel to the skill. */
  trigger?: PendingSlotFilling;
}

async function runBlock(turn: Turn, block: Block, initial: Record<string, ParamValue>, opts: RunOptions): Promise<void> {
  const { compiled } = turn;
  let params = { ...initial };
  if (opts.extractFrom !== null) {
    const extracted = extractMissing(block, initial, opts.extractFrom, turn.extraction, compiled.customEntities);
    params = await validateNew(turn, block, initial, extracted, false);
  }
  const missing = firstMissingRequired(block, params);
  if (missing && opts.ask) {
    turn.pending = {
      blockId: block.id,
      asking: missing.name,
      reasks: 0,
      params,
      trigger: opts.trigger?.trigger ?? triggerRecord(turn),
      clientExtra: opts.trigger ? opts.trigger.clientExtra : turn.clientExtra,
    };
    turn.trace.slotFilling = { blockId: block.id, parameter: missing.name, reasks: 0, outcome: "asked" };
    ask(turn, block, params, promptFor(missing, 0));
    return;
  }
  if (missing) turn.trace.findings.push(`required parameter "${missing.name}" has no value`);
  // Defaults apply only when the block runs, so a slot-filling reply can still fill the parameter.
  for (const p of block.parameters) {
    if (params[p.name] || p.required || p.defaultValue === undefined) continue;
    // A default may itself be an expression ("#ordering.orderId", "$date").
    const v = renderText(p.defaultValue, turn.scope(block, params));
    params = { ...params, [p.name]: { entity: p.entity, origin: v, value: v, display: v } };
  }
  turn.pending = null;
  turn.trace.block = { id: block.id, name: block.name, type: block.type };
  turn.trace.parameters = traceParams(params);

  const before = turn.scope(block, params);
  turn.setContexts(
    block.outputContexts.map((c) => ({ name: c.name, lifeSpan: c.lifeSpan, ttl: c.ttl, params: renderParams(c.params, before) })),
  );
  const scope = turn.scope(block, params);

  const skillId = block.skill ?? (block.useSkillData ? compiled.bot.settings.defaultSkill : undefined);
  if (!skillId) {
    turn.response = renderBlockAnswer(block, scope);
    if (turn.response.outputs.length === 0) turn.trace.findings.push(`block "${block.name}" has no answer`);
    turn.lastBlock = refOf(block);
    return;
  }
  await runSkill(turn, block, skillId, params, opts);
  turn.lastBlock = refOf(block);
}

type Validated = { ok: true; value: ParamValue } | { ok: false; message?: string };

/**
 * Runs a parameter's validation skill on a value (spec §2.10). SUCCESS accepts (a returned value
 * replaces it), IGNORE accepts as extracted, FAIL and ERROR reject: a required parameter is then
 * asked again (with the skill's message, when it sent one), an optional one stays empty.
 */
async function validateValue(turn: Turn, block: Block, name: string, value: ParamValue, inLoop: boolean): Promise<Validated> {
  const param = block.parameters.find((p) => p.name === name);
  const skillId = param?.validationSkill;
  if (!skillId) return { ok: true, value };
  const skill = turn.compiled.bot.skills.find((s) => s.id === skillId);
  if (!skill || !turn.env.validateParameter) {
    turn.trace.findings.push(`parameter "${name}" was not validated (${skill ? "no validation port" : `unknown skill "${skillId}"`})`);
    return { ok: true, value };
  }
  const payload = buildValidationPayload({
    bot: { id: turn.env.botId, name: turn.compiled.bot.name },
    utterance: turn.utterance,
    surface: turn.env.surface,
    isInSlotFilling: inLoop,
    user: turn.env.user,
    value: { origin: value.origin, resolved: value.value },
    timezone: turn.compiled.bot.timezone,
    lang: turn.env.lang ?? turn.compiled.bot.language,
  });
  const verdict = await turn.env.validateParameter({ skill, parameter: name, payload });
  turn.trace.findings.push(`validation skill "${skill.name}" said ${verdict.status} for "${name}"`);
  for (const f of verdict.findings) turn.trace.findings.push(`validation skill "${skill.name}": ${f.message}`);
  if (verdict.status === "SUCCESS" || verdict.status === "IGNORE") {
    if (verdict.status === "SUCCESS" && verdict.value !== undefined) {
      return { ok: true, value: { ...value, value: verdict.value, display: verdict.value } };
    }
    return { ok: true, value };
  }
  return verdict.message !== undefined ? { ok: false, message: verdict.message } : { ok: false };
}

/** Validates the values in `after` that were not in `before`; rejected ones are dropped. */
async function validateNew(
  turn: Turn,
  block: Block,
  before: Readonly<Record<string, ParamValue>>,
  after: Readonly<Record<string, ParamValue>>,
  inLoop: boolean,
): Promise<Record<string, ParamValue>> {
  const out: Record<string, ParamValue> = { ...before };
  for (const [name, value] of Object.entries(after)) {
    if (before[name]) continue;
    const verdict = await validateValue(turn, block, name, value, inLoop);
    if (verdict.ok) out[name] = verdict.value;
  }
  return out;
}

function triggerRecord(turn: Turn): PendingSlotFilling["trigger"] {
  return turn.referrerBlock ? { type: turn.triggerType, referrerBlock: turn.referrerBlock } : { type: turn.triggerType };
}

function renderParams(params: Record<string, string>, scope: TemplateScope): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) out[k] = renderText(v, scope);
  return out;
}

function renderBlockAnswer(block: Block, scope: TemplateScope): TurnResponse {
  return {
    outputs: block.outputs.map((o) => renderDeep(outputComponentSchema, o, scope)),
    quickReplies: block.quickReplies.map((q) => renderDeep(quickReplySchema, q, scope)),
  };
}

function errorAnswer(turn: Turn): TurnResponse {
  return { outputs: [{ simpleText: { text: turn.compiled.bot.settings.skillErrorMessage } }], quickReplies: [] };
}

/** WELCOME and EVENT are not protocol trigger names; the payload reports them as TEXT_INPUT. */
function protocolTrigger(type: TriggerType): FlowTriggerType {
  return type === "WELCOME" || type === "EVENT" ? "TEXT_INPUT" : type;
}

async function runSkill(turn: Turn, block: Block, skillId: string, params: Record<string, ParamValue>, opts: RunOptions): Promise<void> {
  const { compiled, env } = turn;
  const skill = compiled.bot.skills.find((s) => s.id === skillId);
  if (!skill) {
    turn.trace.findings.push(`block "${block.name}" names unknown skill "${skillId}"`);
    turn.response = errorAnswer(turn);
    return;
  }
  const trigger = opts.trigger?.trigger ?? triggerRecord(turn);
  const flowTrigger: { type: FlowTriggerType; referrerBlock?: BlockRef } = { type: protocolTrigger(trigger.type) };
  if (trigger.referrerBlock) flowTrigger.referrerBlock = trigger.referrerBlock;
  const flow: { trigger: typeof flowTrigger; lastBlock?: BlockRef } = { trigger: flowTrigger };
  if (turn.previous.lastBlock) flow.lastBlock = turn.previous.lastBlock;
  const callbackUrl = block.allowCallback ? env.createCallbackUrl?.(block.id) : undefined;
  const requestParams: Record<string, unknown> = turn.input.type === "event" ? { ...turn.input.params } : {};
  const payload = buildSkillPayload({
    bot: { id: env.botId, name: compiled.bot.name },
    block: refOf(block),
    skill: { id: skill.id, name: skill.name },
    utterance: turn.utterance,
    lang: env.lang ?? compiled.bot.language,
    timezone: compiled.bot.timezone,
    surface: env.surface,
    requestParams,
    user: env.user,
    parameters: Object.fromEntries(Object.entries(params).map(([k, p]) => [k, { origin: p.origin, value: p.value }])),
    clientExtra: opts.trigger ? opts.trigger.clientExtra : turn.clientExtra,
    contexts: turn.startContexts.map((c) => ({ name: c.name, lifespan: c.lifeSpan, ttl: c.ttl, params: c.params })),
    flow,
    ...(callbackUrl ? { callbackUrl } : {}),
    ...(turn.knowledge
      ? {
          knowledge: {
            matchedKnowledges: [
              {
                categories: turn.knowledge.entry.categories,
                question: turn.knowledge.entry.question,
                answer: turn.knowledge.entry.answer,
                ...(turn.knowledge.entry.imageUrl ? { imageUrl: turn.knowledge.entry.imageUrl } : {}),
                ...(turn.knowledge.entry.landingUrl ? { landingUrl: turn.knowledge.entry.landingUrl } : {}),
              },
            ],
          },
        }
      : {}),
  });
  const outcome = await env.callSkill({ skill, payload, usesSkillData: block.useSkillData, allowCallback: block.allowCallback });
  if (!outcome.ok) {
    turn.trace.skill = {
      id: skill.id,
      name: skill.name,
      request: payload,
      findings: outcome.findings ?? [],
      latencyMs: outcome.latencyMs,
      error: { reason: outcome.reason, detail: outcome.detail },
    };
    turn.trace.findings.push(`skill "${skill.name}" failed (${outcome.reason}): ${outcome.detail}`);
    turn.response = errorAnswer(turn);
    return;
  }
  const response = outcome.response;
  turn.trace.skill = {
    id: skill.id,
    name: skill.name,
    request: payload,
    response,
    findings: outcome.findings,
    latencyMs: outcome.latencyMs,
  };
  applySkillContexts(turn, response);
  const scope = turn.scope(block, params, response.data);

  if (response.useCallback) {
    if (!block.allowCallback) {
      turn.trace.findings.push(`skill "${skill.name}" answered useCallback but block "${block.name}" does not allow callbacks`);
      turn.response = errorAnswer(turn);
      return;
    }
    const waiting = renderText(block.callbackWaitingText ?? DEFAULT_CALLBACK_WAITING_TEXT, scope);
    turn.response = { outputs: [{ simpleText: { text: waiting } }], quickReplies: [] };
    turn.trace.pendingCallback = { blockId: block.id };
    return;
  }
  if (block.useSkillData) {
    const answer = templateAnswer(block, response, scope);
    if (!answer) {
      turn.trace.findings.push(`skill "${skill.name}" sent no template but block "${block.name}" uses skill data`);
      turn.response = errorAnswer(turn);
      return;
    }
    turn.response = answer;
    return;
  }
  turn.response = renderBlockAnswer(block, scope);
}

function applySkillContexts(turn: Turn, response: SkillResponse): void {
  const values = response.context?.values ?? [];
  if (values.length > 0) turn.setContexts(values);
}

/** "스킬데이터 사용": the skill's template as-is; the block's quick replies when it brings none. */
function templateAnswer(block: Block, response: SkillResponse, scope: TemplateScope): TurnResponse | null {
  const template = response.template;
  if (!template) return null;
  const own: QuickReply[] = template.quickReplies ?? [];
  const outputs: OutputComponent[] = [...template.outputs];
  return {
    outputs,
    quickReplies: own.length > 0 ? own : block.quickReplies.map((q) => renderDeep(quickReplySchema, q, scope)),
  };
}

/**
 * The final answer of a block whose skill answered useCallback: the response POSTed to the callback
 * URL. Its context.values apply as if the block had set them; the callback is not a turn, so no
 * context ages.
 */
export function renderCallbackResponse(
  compiled: CompiledBot,
  blockId: string,
  response: SkillResponse,
  state: ConversationState,
  now: Date,
): { state: ConversationState; response: TurnResponse; findings: string[] } {
  const findings: string[] = [];
  const block = compiled.blocksById.get(blockId);
  const setNames = new Set<string>();
  const contexts = applyContextUpdates(aliveContexts(state.contexts, now), response.context?.values ?? [], now, setNames);
  const next: ConversationState = { ...state, contexts };
  const errorResponse: TurnResponse = { outputs: [{ simpleText: { text: compiled.bot.settings.skillErrorMessage } }], quickReplies: [] };
  if (!block) {
    findings.push(`unknown block "${blockId}"`);
    return { state: next, response: errorResponse, findings };
  }
  const scope: TemplateScope = {
    params: {},
    paramNames: [],
    contexts: Object.fromEntries(contexts.map((c) => [c.name, c.params])),
    declaredContexts: compiled.declaredContexts,
    current: {},
  };
  if (response.data) scope.webhook = response.data;
  const answer = templateAnswer(block, response, scope);
  if (!answer) {
    findings.push("the callback response has no template");
    return { state: next, response: errorResponse, findings };
  }
  return { state: next, response: answer, findings };
}
