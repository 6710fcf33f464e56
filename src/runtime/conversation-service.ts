/**
 * Runs conversation turns for the server: loads the bot (the deployed version for real traffic,
 * the draft for the bot test panel), the user's conversation state, calls skills over HTTP (and logs
 * every call), and saves the new state. One turn at a time per conversation, so two quick messages
 * from one user cannot overwrite each other's state.
 */
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { Logger } from "pino";
import type { Config } from "../config/config.js";
import type { BotFile } from "../core/bot/schema.js";
import {
  type ConversationState,
  initialState,
  renderCallbackResponse,
  runTurn,
  type SkillCall,
  type SkillOutcome,
  type TurnInput,
  type TurnResponse,
  type TurnResult,
  type UserInfo,
} from "../core/dialog/index.js";
import { CALLBACK_MESSAGES, CALLBACK_TTL_MS, judgeCallback } from "../core/skill/callback.js";
import { AppError, notFound } from "../services/errors.js";
import { callSkill, callValidationSkill } from "../skills/call-skill.js";
import { newSecret } from "../store/ids.js";
import type { Store } from "../store/store.js";
import { CompiledBotCache } from "./compiled-bots.js";
import { KeyedMutex } from "./keyed-mutex.js";

export type Surface = "channel" | "test";

export interface TurnRequest {
  botId: string;
  surface: Surface;
  /** The conversation's key in the store (the botUserKey). */
  userKey: string;
  user: UserInfo;
  input: TurnInput;
  now?: Date;
  /** Gateway only: the real platform's callbackUrl, where a callback's final answer is forwarded. */
  forwardCallbackUrl?: string;
}

export interface TurnOutcome extends TurnResult {
  /** The version that answered (undefined for the draft). */
  version?: number;
}

/** An answer that reaches a room outside a turn (a callback's final answer). */
export interface Delivery {
  botId: string;
  surface: Surface;
  userKey: string;
  kind: "callback";
  response: TurnResponse;
}

/** How long a callback URL stays valid (the platform's SLA: 1 minute, single use). */
export const CALLBACK_VALID_MS = CALLBACK_TTL_MS;

export type CallbackOutcome =
  | { status: "SUCCESS"; taskId: string; delivery: Delivery; forwardUrl: string | null; findings: string[] }
  | { status: "FAIL"; taskId: string; httpStatus: number; message: string; replyStatus: "FAIL" | "ERROR" };

export class ConversationService {
  private readonly cache = new CompiledBotCache();
  private readonly mutex = new KeyedMutex();
  /** Emits "delivery" (Delivery) whenever an answer reaches a room outside a turn. */
  readonly events = new EventEmitter<{ delivery: [Delivery] }>();

  constructor(
    private readonly store: Store,
    private readonly config: Config,
    private readonly logger: Logger,
  ) {}

  async turn(request: TurnRequest): Promise<TurnOutcome> {
    const key = `${request.botId}|${request.surface}|${request.userKey}`;
    return this.mutex.run(key, () => this.runLocked(request));
  }

  async reset(botId: string, surface: Surface, userKey: string): Promise<void> {
    await this.store.activity.deleteConversation(botId, surface, userKey);
  }

  private async loadBot(botId: string, surface: Surface): Promise<{ cacheKey: string; bot: () => BotFile; version?: number }> {
    if (surface === "test") {
      const bot = await this.store.bots.get(botId);
      if (!bot) throw notFound(`bot ${botId}`);
      return { cacheKey: `${botId}:draft:${bot.draftRevision}`, bot: () => bot.draft };
    }
    const deployed = await this.store.bots.deployed(botId);
    if (!deployed) throw new AppError(409, "not_deployed", `bot ${botId} has no deployed version yet; deploy it first`);
    return { cacheKey: `${botId}:v${deployed.version}`, bot: () => deployed.snapshot, version: deployed.version };
  }

  private async runLocked(request: TurnRequest): Promise<TurnOutcome> {
    const loaded = await this.loadBot(request.botId, request.surface);
    const compiled = this.cache.get(loaded.cacheKey, loaded.bot);
    const stored = await this.store.activity.loadConversation(request.botId, request.surface, request.userKey);
    const state = isConversationState(stored) ? stored : null;
    // Callback URLs are minted synchronously for the engine; each is stored before the skill call goes out.
    const minted: Array<{ blockId: string; created: Promise<{ taskId: string }> }> = [];
    const result = await runTurn(compiled, state, request.input, {
      now: request.now ?? new Date(),
      user: request.user,
      surface: request.surface,
      botId: request.botId,
      lang: compiled.bot.language,
      callSkill: async (call) => {
        await Promise.all(minted.map((m) => m.created));
        return this.callSkill(request, call);
      },
      validateParameter: async (call) => {
        const result = await callValidationSkill(call.skill, call.payload, {
          mode: request.surface,
          allowPrivateNetworks: this.config.allowPrivateSkills,
          signingSecret: this.config.skillSigningSecret,
        });
        await this.store.activity.logSkillCall({
          botId: request.botId,
          skillId: call.skill.id,
          blockId: null,
          surface: request.surface,
          ok: result.ok,
          reason: result.ok ? null : result.reason,
          detail: result.ok ? `validation of ${call.parameter}: ${result.verdict.status}` : result.detail,
          status: result.ok ? 200 : (result.status ?? null),
          latencyMs: result.latencyMs,
        });
        return result.verdict;
      },
      createCallbackUrl: (blockId) => {
        const token = newSecret();
        const created = this.store.runtime
          .createCallbackTask(
            {
              botId: request.botId,
              version: loaded.version ?? null,
              surface: request.surface,
              userKey: request.userKey,
              blockId,
              forwardUrl: request.forwardCallbackUrl ?? null,
            },
            CALLBACK_VALID_MS,
            token,
          )
          .then((t) => ({ taskId: t.task.id }));
        minted.push({ blockId, created });
        return `${this.config.publicUrl}/callbacks/${token}`;
      },
    });
    await this.store.activity.saveConversation(request.botId, request.surface, request.userKey, result.state);
    // A minted URL whose skill did not answer useCallback can never be used: drop it.
    for (const m of minted) {
      const { taskId } = await m.created;
      if (result.trace.pendingCallback?.blockId !== m.blockId) await this.store.runtime.deleteCallbackTask(taskId);
    }
    return loaded.version === undefined ? result : { ...result, version: loaded.version };
  }

  /**
   * The final answer POSTed to a callback URL: valid once, within a minute, with a valid
   * SkillResponse. It is rendered like the block's answer and delivered to the room.
   */
  async completeCallback(token: string, rawBody: string, now = new Date()): Promise<CallbackOutcome> {
    const found = await this.store.runtime.findCallbackTask(token);
    const ticket = found && {
      taskId: found.id,
      issuedAtMs: Date.parse(found.expiresAt) - CALLBACK_VALID_MS,
      ...(found.usedAt ? { usedAtMs: Date.parse(found.usedAt) } : {}),
    };
    const decision = judgeCallback(ticket, rawBody, now.getTime(), randomUUID());
    const fail = (httpStatus: number): CallbackOutcome => ({
      status: "FAIL",
      taskId: decision.reply.taskId,
      httpStatus,
      message: decision.reply.message,
      replyStatus: decision.reply.status === "ERROR" ? "ERROR" : "FAIL",
    });
    if (!found) return fail(404);
    if (!decision.deliver || !decision.consume) {
      const m = decision.reply.message;
      return fail(m === CALLBACK_MESSAGES.used ? 409 : m === CALLBACK_MESSAGES.expired ? 410 : 400);
    }
    // Two POSTs racing for one URL: only the one whose claim lands delivers.
    const claim = await this.store.runtime.claimCallbackTask(token, now);
    if (claim.kind !== "claimed")
      return { status: "FAIL", taskId: found.id, httpStatus: 409, message: CALLBACK_MESSAGES.used, replyStatus: "FAIL" };
    const task = claim.task;
    const response = decision.deliver;
    const surface: Surface = task.surface === "test" ? "test" : "channel";
    const delivery = await this.mutex.run(`${task.botId}|${surface}|${task.userKey}`, async () => {
      const bot =
        task.version === null
          ? await this.store.bots.get(task.botId).then((b) => b && { key: `${task.botId}:draft:${b.draftRevision}`, file: b.draft })
          : await this.store.bots
              .version(task.botId, task.version)
              .then((v) => v && { key: `${task.botId}:v${v.version}`, file: v.snapshot });
      if (!bot) return undefined;
      const compiled = this.cache.get(bot.key, () => bot.file);
      const stored = await this.store.activity.loadConversation(task.botId, surface, task.userKey);
      const rendered = renderCallbackResponse(compiled, task.blockId, response, isConversationState(stored) ? stored : initialState(), now);
      await this.store.activity.saveConversation(task.botId, surface, task.userKey, rendered.state);
      const d: Delivery = { botId: task.botId, surface, userKey: task.userKey, kind: "callback", response: rendered.response };
      await this.store.runtime.deliver(task.botId, surface, task.userKey, "callback", rendered.response);
      return { delivery: d, findings: rendered.findings };
    });
    if (!delivery)
      return {
        status: "FAIL",
        taskId: task.id,
        httpStatus: 404,
        message: "the bot of this callback no longer exists",
        replyStatus: "ERROR",
      };
    this.events.emit("delivery", delivery.delivery);
    return { status: "SUCCESS", taskId: task.id, delivery: delivery.delivery, forwardUrl: task.forwardUrl, findings: delivery.findings };
  }

  private async callSkill(request: TurnRequest, call: SkillCall): Promise<SkillOutcome> {
    const result = await callSkill(call.skill, call.payload, {
      mode: request.surface,
      usesSkillData: call.usesSkillData,
      allowCallback: call.allowCallback,
      allowPrivateNetworks: this.config.allowPrivateSkills,
      signingSecret: this.config.skillSigningSecret,
    });
    const blockId = call.payload.userRequest.block.id;
    await this.store.activity.logSkillCall({
      botId: request.botId,
      skillId: call.skill.id,
      blockId,
      surface: request.surface,
      ok: result.ok,
      reason: result.ok ? null : result.reason,
      detail: result.ok ? "" : result.detail,
      status: result.ok ? result.status : (result.status ?? null),
      latencyMs: result.latencyMs,
    });
    if (!result.ok) {
      this.logger.warn(
        { botId: request.botId, skillId: call.skill.id, reason: result.reason, latencyMs: result.latencyMs },
        "skill call failed",
      );
      const outcome: SkillOutcome = { ok: false, reason: result.reason, detail: result.detail, latencyMs: result.latencyMs };
      if (result.findings) outcome.findings = result.findings;
      return outcome;
    }
    return { ok: true, response: result.response, findings: result.findings, latencyMs: result.latencyMs };
  }
}

function isConversationState(value: unknown): value is ConversationState {
  return typeof value === "object" && value !== null && "version" in value && value.version === 1 && "contexts" in value;
}
