/**
 * The Event API: `POST /bots/:botId/talk` accepts an event for up to 100 users and answers at once
 * with a task id; the bot's event block then runs for each user and the answer is posted in their
 * room. Every requested user gets a result in the task (delivered, not a friend, unknown user,
 * duplicate, failed with a reason): nothing is dropped silently.
 */
import type { BotFile } from "../core/bot/schema.js";
import { AppError, badRequest, tooManyRequests } from "../services/errors.js";
import type { BotSummary } from "../store/bots-repo.js";
import type { ChannelRecord, ChannelUserRecord } from "../store/channels-repo.js";
import type { Store } from "../store/store.js";
import type { ChatService } from "./chat-service.js";

export type EventUserType = "botUserKey" | "plusfriendUserKey" | "appUserId";

export interface TalkRequest {
  event: { name: string; data?: Record<string, unknown> };
  user: Array<{ type: EventUserType; id: string; properties?: Record<string, unknown> }>;
  params?: Record<string, string>;
}

export type UserResultStatus = "pending" | "delivered" | "not_friend" | "unknown_user" | "duplicate" | "failed";

export interface UserResult {
  type: EventUserType;
  id: string;
  status: UserResultStatus;
  reason?: string;
}

export interface TaskView {
  taskId: string;
  botId: string;
  event: string;
  /** "PENDING" while running, then "ALL SUCCESS" or "<n> FAIL" as the platform reports it. */
  status: string;
  allRequestCount: number;
  successCount: number;
  failCount: number;
  results: UserResult[];
  createdAt: string;
  finishedAt: string | null;
}

export const MAX_EVENT_USERS = 100;

const REASONS: Record<Exclude<UserResultStatus, "pending" | "delivered" | "failed">, string> = {
  not_friend: "the user has not added the channel (or removed it); events reach friends only",
  unknown_user: "no user with this id has talked to a channel connected to this bot",
  duplicate: "the same user appears earlier in this request; it was delivered (or reported) once",
};

/** Requests per bot per window; the window slides by whole windows (fixed-window counter). */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a hit; returns the seconds to wait when over the limit, else 0. */
  hit(key: string): number {
    const t = this.now();
    const w = this.windows.get(key);
    if (!w || t - w.start >= this.windowMs) {
      this.windows.set(key, { start: t, count: 1 });
      return 0;
    }
    if (w.count >= this.limit) return Math.max(1, Math.ceil((w.start + this.windowMs - t) / 1000));
    w.count += 1;
    return 0;
  }
}

function hasEventBlock(bot: BotFile, name: string): boolean {
  return bot.scenarios.some((s) => s.blocks.some((b) => b.type === "event" && b.eventName === name));
}

function isUserResult(value: unknown): value is UserResult {
  return typeof value === "object" && value !== null && "status" in value && "id" in value && "type" in value;
}

function summarize(results: readonly UserResult[]): { status: string; successCount: number; failCount: number } {
  const successCount = results.filter((r) => r.status === "delivered").length;
  const failCount = results.length - successCount;
  return { status: failCount === 0 ? "ALL SUCCESS" : `${failCount} FAIL`, successCount, failCount };
}

export class EventApi {
  /** Tasks still running in this process (tests and shutdown wait for them). */
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly chat: ChatService,
    private readonly limiter: RateLimiter = new RateLimiter(60, 60_000),
  ) {}

  async submit(bot: BotSummary, request: TalkRequest): Promise<{ taskId: string; status: "SUCCESS"; message: string; timestamp: number }> {
    if (request.user.length === 0) throw badRequest("validation_failed", "user: name at least one user", "user");
    if (request.user.length > MAX_EVENT_USERS) {
      throw badRequest(
        "too_many_users",
        `user: at most ${MAX_EVENT_USERS} users per request (got ${request.user.length}); split the request`,
        "user",
      );
    }
    const wait = this.limiter.hit(bot.id);
    if (wait > 0) throw tooManyRequests(`bot ${bot.id}: more than ${this.limiter.limit} Event API requests per minute; retry in ${wait}s`);
    const deployed = await this.store.bots.deployed(bot.id);
    if (!deployed) throw new AppError(409, "not_deployed", `bot ${bot.id} has no deployed version; deploy it before sending events`);
    if (!hasEventBlock(deployed.snapshot, request.event.name)) {
      throw badRequest(
        "unknown_event",
        `event.name: the deployed version ${deployed.version} has no event block named '${request.event.name}'`,
        "event.name",
      );
    }
    const initial: UserResult[] = request.user.map((u) => ({ type: u.type, id: u.id, status: "pending" }));
    const task = await this.store.channels.createTask(bot.id, request.event.name, initial);
    const job = this.process(task.id, bot.id, request)
      .catch(async (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        const failed = initial.map((r) => ({ ...r, status: "failed" as const, reason }));
        await this.store.channels.finishTask(task.id, summarize(failed).status, failed);
      })
      .finally(() => this.running.delete(job));
    this.running.add(job);
    return {
      taskId: task.id,
      status: "SUCCESS",
      message: "accepted; see GET /api/v1/tasks/:taskId for per-user results",
      timestamp: Date.now(),
    };
  }

  async task(taskId: string): Promise<TaskView | undefined> {
    const task = await this.store.channels.task(taskId);
    if (!task) return undefined;
    const results = Array.isArray(task.results) ? task.results.filter(isUserResult) : [];
    const finished = task.status !== "PENDING";
    const summary = summarize(results);
    return {
      taskId: task.id,
      botId: task.botId,
      event: task.eventName,
      status: finished ? task.status : "PENDING",
      allRequestCount: results.length,
      successCount: summary.successCount,
      failCount: finished ? summary.failCount : results.filter((r) => r.status !== "pending" && r.status !== "delivered").length,
      results,
      createdAt: task.createdAt,
      finishedAt: task.finishedAt,
    };
  }

  /** Resolves when every task started so far has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private async process(taskId: string, botId: string, request: TalkRequest): Promise<void> {
    const channels = (await this.store.channels.channelsOfBot(botId)).map((c) => c.channel);
    const seen = new Set<string>();
    const results: UserResult[] = [];
    for (const target of request.user) {
      const key = `${target.type}:${target.id}`;
      const base = { type: target.type, id: target.id };
      if (seen.has(key)) {
        results.push({ ...base, status: "duplicate", reason: REASONS.duplicate });
        continue;
      }
      seen.add(key);
      const found = await this.resolve(botId, channels, target.type, target.id);
      if (!found) {
        results.push({ ...base, status: "unknown_user", reason: REASONS.unknown_user });
        continue;
      }
      if (!found.user.isFriend) {
        results.push({ ...base, status: "not_friend", reason: REASONS.not_friend });
        continue;
      }
      try {
        const input = {
          type: "event" as const,
          name: request.event.name,
          ...(request.event.data ? { data: request.event.data } : {}),
          ...(request.params ? { params: request.params } : {}),
        };
        await this.chat.deliverTurn(found.channel, found.user.personId, botId, input, target.properties);
        results.push({ ...base, status: "delivered" });
      } catch (error) {
        results.push({ ...base, status: "failed", reason: error instanceof Error ? error.message : String(error) });
      }
    }
    await this.store.channels.finishTask(taskId, summarize(results).status, results);
  }

  private async resolve(
    botId: string,
    channels: readonly ChannelRecord[],
    type: EventUserType,
    id: string,
  ): Promise<{ channel: ChannelRecord; user: ChannelUserRecord } | undefined> {
    if (type === "botUserKey") {
      for (const link of await this.store.channels.botUser(botId, id)) {
        const channel = channels.find((c) => c.id === link.channelId);
        const user = channel ? await this.store.channels.user(channel.id, link.personId) : undefined;
        if (channel && user) return { channel, user };
      }
      return undefined;
    }
    for (const channel of channels) {
      const user =
        type === "plusfriendUserKey"
          ? await this.store.channels.userByPlusfriendKey(channel.id, id)
          : await this.store.channels.userByAppUserId(channel.id, id);
      if (user) return { channel, user };
    }
    return undefined;
  }
}
