/**
 * Shapes shared by the conversation engine: what a turn receives (input + environment), what it keeps
 * between turns (ConversationState, plain JSON so a store can save it as-is) and what it returns.
 */
import type { BlockType, SkillDefinition } from "../bot/schema.js";
import type { OutputComponent, QuickReply } from "../skill/components.js";
import type { Finding } from "../skill/findings.js";
import type { FlowTriggerType, SkillPayload } from "../skill/payload.js";
import type { SkillResponse } from "../skill/response.js";
import type { ValidationPayload, ValidationVerdict } from "../skill/validation-skill.js";

/** Where a clicked button lived: card buttons, list-card items, quick replies, the list menu. */
export type ActionSource = "card" | "list" | "quickReply" | "listMenu";

export type TurnInput =
  | { type: "text"; text: string }
  | {
      type: "action";
      source: ActionSource;
      action: "message";
      text: string;
      extra?: Record<string, unknown>;
    }
  | {
      type: "action";
      source: ActionSource;
      action: "block";
      blockId: string;
      label: string;
      extra?: Record<string, unknown>;
    }
  | { type: "welcome" }
  | { type: "event"; name: string; data?: Record<string, unknown>; params?: Record<string, string> };

/**
 * `flow.trigger.type` as the protocol names it. WELCOME and EVENT are botcenter's own names for the
 * two triggers the protocol's table does not list (first entry and the Event API).
 */
export type TriggerType = FlowTriggerType | "WELCOME" | "EVENT";

export interface BlockRef {
  id: string;
  name: string;
}

export interface UserInfo {
  botUserKey: string;
  plusfriendUserKey?: string;
  appUserId?: string;
  appUserStatus?: string;
  isFriend?: boolean;
  properties?: Record<string, unknown>;
}

export type SkillOutcome =
  | { ok: true; response: SkillResponse; findings: Finding[]; latencyMs: number }
  | { ok: false; reason: string; detail: string; latencyMs: number; findings?: Finding[] };

/** Everything the engine needs from the outside world for one turn. */
export interface TurnEnvironment {
  /** The instant of the turn: context TTLs and relative dates are computed from it. */
  now: Date;
  user: UserInfo;
  surface: "channel" | "test";
  botId: string;
  lang?: string;
  /** Performs the HTTP call (or returns a stub); the engine never does I/O itself. */
  callSkill(call: SkillCall): Promise<SkillOutcome>;
  /** A one-time callback URL for blocks that allow callbacks (AI-chatbot useCallback). */
  createCallbackUrl?(blockId: string): string | undefined;
  /**
   * Calls a parameter's validation skill (spec §2.10). The caller does HTTP and parses the answer
   * (`parseValidationResponse`); transport failures come back as status ERROR. Without this port,
   * values are accepted unvalidated and the trace says so.
   */
  validateParameter?(call: ValidationCall): Promise<ValidationVerdict>;
}

export interface ValidationCall {
  skill: SkillDefinition;
  parameter: string;
  payload: ValidationPayload;
}

export interface SkillCall {
  skill: SkillDefinition;
  payload: SkillPayload;
  usesSkillData: boolean;
  allowCallback: boolean;
}

/** A parameter value as the engine keeps it: protocol fields plus a readable form for templates. */
export interface ParamValue {
  entity: string;
  /** The text the value came from ("내일"). */
  origin: string;
  /** The protocol value string (JSON for structured system entities). */
  value: string;
  /** What `$name` renders in answers ("2026-03-03", "3", "강남"). */
  display: string;
}

/** A context as stored between turns. */
export interface StoredContext {
  name: string;
  /** Turns left: decremented at the end of every turn that did not set the context. */
  lifeSpan: number;
  /** Seconds it lives after being set (0 = no time limit); kept to report it back. */
  ttl: number;
  /** ISO instant after which it is dead, or null when ttl is 0. */
  expiresAt: string | null;
  params: Record<string, string>;
}

/** A slot-filling loop in progress: the block waits for `asking` to be filled. */
export interface PendingSlotFilling {
  blockId: string;
  /** The parameter currently asked for. */
  asking: string;
  /** Re-asks made so far for `asking` (the first question is not a re-ask). */
  reasks: number;
  /** Values filled so far; they stay filled until the block runs or the loop ends. */
  params: Record<string, ParamValue>;
  /** The trigger and button extra of the turn that started the loop; the skill sees them at the end. */
  trigger: { type: TriggerType; referrerBlock?: BlockRef };
  clientExtra: Record<string, unknown> | null;
}

export interface ConversationState {
  version: 1;
  /** Turns handled so far (every runTurn call counts). */
  turn: number;
  contexts: StoredContext[];
  pending: PendingSlotFilling | null;
  lastBlock: BlockRef | null;
}

export interface TurnResponse {
  outputs: OutputComponent[];
  quickReplies: QuickReply[];
}

export interface MatchTrace {
  score: number;
  accepted: boolean;
  exact: boolean;
  threshold: number;
  candidates: Array<{ blockId: string; blockName: string; score: number; example: string }>;
}

export interface SkillTrace {
  id: string;
  name: string;
  request: unknown;
  response?: SkillResponse;
  findings: Finding[];
  latencyMs: number;
  error?: { reason: string; detail: string };
}

export interface TurnTrace {
  block: { id: string; name: string; type: BlockType } | null;
  trigger: { type: TriggerType; referrerBlock?: BlockRef; lastBlock?: BlockRef };
  /** The utterance the turn carried (typed text, button text or label); "" for welcome/event. */
  utterance: string;
  match?: MatchTrace;
  /** Set while a slot-filling loop asks for a value (the parameter and the re-ask count). */
  slotFilling?: { blockId: string; parameter: string; reasks: number; outcome: "asked" | "filled" | "gave-up" | "exited" };
  /** Values of the block's parameters; `display` is what `$name` prints. */
  parameters: Record<string, { origin: string; value: string; display: string }>;
  contexts: Array<{ name: string; lifeSpan: number; ttl: number; expiresAt: string | null; params: Record<string, string> }>;
  skill?: SkillTrace;
  /** A knowledge-base answer given instead of the fallback. */
  knowledge?: { question: string; answer: string; score: number };
  findings: string[];
  pendingCallback?: { blockId: string };
}

export interface TurnResult {
  state: ConversationState;
  response: TurnResponse;
  trace: TurnTrace;
}
