/**
 * Runs conversation turns for the server: loads the bot (the deployed version for real traffic,
 * the draft for the bot test panel), the user's conversation state, calls skills over HTTP (and logs
 * every call), and saves the new state. One turn at a time per conversation, so two quick messages
 * from one user cannot overwrite each other's state.
 */
import type { Logger } from "pino";
import type { Config } from "../config/config.js";
import type { BotFile } from "../core/bot/schema.js";
import { type ConversationState, runTurn, type SkillCall, type SkillOutcome, type TurnInput, type TurnResult, type UserInfo } from "../core/dialog/index.js";
import { AppError, notFound } from "../services/errors.js";
import { callSkill } from "../skills/call-skill.js";
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
}

export interface TurnOutcome extends TurnResult {
  /** The version that answered (undefined for the draft). */
  version?: number;
}

export class ConversationService {
  private readonly cache = new CompiledBotCache();
  private readonly mutex = new KeyedMutex();

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
    const result = await runTurn(compiled, state, request.input, {
      now: request.now ?? new Date(),
      user: request.user,
      surface: request.surface,
      botId: request.botId,
      lang: compiled.bot.language,
      callSkill: (call) => this.callSkill(request, call),
    });
    await this.store.activity.saveConversation(request.botId, request.surface, request.userKey, result.state);
    return loaded.version === undefined ? result : { ...result, version: loaded.version };
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
      this.logger.warn({ botId: request.botId, skillId: call.skill.id, reason: result.reason, latencyMs: result.latencyMs }, "skill call failed");
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
