/**
 * The chat room: opening a room for a person (with the platform's welcome rules), turns through the
 * answering bot, friend state, operator handoff, and the messages every room stream and the history
 * read. Each room is handled one request at a time (in this process), so a user message is always
 * numbered before the answer it causes.
 */
import type { Logger } from "pino";
import { type Availability, OPERATOR_UNAVAILABLE_TEXT } from "../core/channel/availability.js";
import type { TurnInput, UserInfo } from "../core/dialog/types.js";
import type { ConversationService } from "../runtime/conversation-service.js";
import { KeyedMutex } from "../runtime/keyed-mutex.js";
import { botUserKeyFor, plusfriendUserKeyFor } from "../runtime/user-keys.js";
import { AppError, notFound } from "../services/errors.js";
import type { ChannelRecord, ChannelUserRecord, MessageRecord, RoomMode, RoomRecord, Sender } from "../store/channels-repo.js";
import type { Store } from "../store/store.js";
import { channelAvailability } from "./channel-service.js";
import { ChatHub, operatorTopic, roomTopic } from "./chat-hub.js";
import { type ChatIdentity, checkRoomToken, personIdOf, roomToken } from "./identity.js";

/** A message as clients see it. */
export interface ChatMessage {
  seq: number;
  sender: Sender;
  createdAt: string;
  body: Record<string, unknown>;
}

export interface PublicChannel {
  id: string;
  name: string;
  profileImageUrl: string | null;
  intro: string;
  profileType: ChannelRecord["profileType"];
  chatEnabled: boolean;
}

export interface RoomView {
  roomId: string;
  token: string;
  channel: PublicChannel;
  user: { plusfriendUserKey: string; isFriend: boolean };
  mode: RoomMode;
  bot: { available: boolean };
  operator: { available: boolean; message: string | null };
  inputBlocked: string | null;
  lastSeq: number;
  messages: ChatMessage[];
}

export interface OperatorRoom {
  roomId: string;
  channelId: string;
  mode: RoomMode;
  operator: string | null;
  plusfriendUserKey: string;
  isFriend: boolean;
  lastSeq: number;
  updatedAt: string;
  lastMessage: ChatMessage | null;
}

/** What the user did in the room, as the chat API receives it. */
export type RoomInput =
  | { type: "text"; text: string }
  | {
      type: "action";
      source: "card" | "list" | "quickReply" | "listMenu";
      action: "message";
      text: string;
      extra?: Record<string, unknown>;
    }
  | {
      type: "action";
      source: "card" | "list" | "quickReply" | "listMenu";
      action: "block";
      blockId: string;
      label: string;
      extra?: Record<string, unknown>;
    };

const SYSTEM_TEXT = {
  operatorRequested: "상담원 연결을 요청했어요. 상담원이 곧 답변드릴게요.",
  operatorJoined: "상담원이 연결되었어요.",
  operatorLeft: "상담이 끝나 챗봇이 다시 답변해요.",
} as const;

export function toChatMessage(m: MessageRecord): ChatMessage {
  return { seq: m.seq, sender: m.sender, createdAt: m.createdAt, body: m.body };
}

function publicChannel(c: ChannelRecord): PublicChannel {
  return {
    id: c.id,
    name: c.name,
    profileImageUrl: c.profileImageUrl,
    intro: c.intro,
    profileType: c.profileType,
    chatEnabled: c.chatEnabled,
  };
}

export class ChatService {
  readonly hub = new ChatHub();
  private readonly rooms = new KeyedMutex();
  /** Rooms whose bot turn is running now (for the typing indicator of streams that join late). */
  private readonly typing = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly conversations: ConversationService,
    private readonly logger: Logger,
  ) {
    // Callback answers (AI-chatbot useCallback) arrive after the turn: post them in the room.
    conversations.events.on("delivery", (delivery) => {
      if (delivery.surface !== "channel") return;
      this.deliverLater(delivery.botId, delivery.userKey, delivery.response).catch((error: unknown) =>
        this.logger.warn({ err: error, botId: delivery.botId }, "could not post a callback answer in its room"),
      );
    });
  }

  // Opening and reading rooms -------------------------------------------------------------------

  async channel(channelId: string): Promise<ChannelRecord> {
    const channel = await this.store.channels.get(channelId);
    if (!channel) throw notFound(`channel ${channelId}`);
    return channel;
  }

  /**
   * Opens (or re-opens) the person's room. Welcome rules: adding the channel shows the channel's
   * welcome message; the first entry of a person who has not added the channel runs the bot's
   * welcome block, except on an AlimTalk profile; later entries run nothing.
   */
  async open(channelId: string, identity: ChatIdentity, options: { addChannel?: boolean } = {}): Promise<RoomView> {
    const channel = await this.channel(channelId);
    const personId = personIdOf(channel.secret, identity);
    const user = await this.store.channels.ensureUser(channel.id, personId, plusfriendUserKeyFor(channel.id, personId));
    const { room } = await this.store.channels.ensureRoom(channel.id, personId);
    await this.rooms.run(room.id, async () => {
      const firstEntry = await this.store.channels.claimWelcome(room.id);
      if (options.addChannel && !user.isFriend) {
        await this.addFriendLocked(channel, room, user);
        return;
      }
      if (!firstEntry || user.isFriend || channel.profileType === "alimtalk") return;
      const { availability } = await channelAvailability(this.store, channel);
      if (availability.answeringBotId === null) return;
      // A failing welcome turn must not keep the user out of the room; it is logged in botTurn.
      await this.botTurn(channel, room, availability.answeringBotId, { type: "welcome" }).catch(() => null);
    });
    return this.view(room.id);
  }

  /** The room's current state and its recent history (the last `limit` messages). */
  async view(roomId: string, limit = 200): Promise<RoomView> {
    const { room, channel } = await this.roomAndChannel(roomId);
    const user = await this.userOf(room);
    const { availability } = await channelAvailability(this.store, channel);
    const messages = await this.store.channels.messages(room.id, { limit });
    return {
      roomId: room.id,
      token: roomToken(channel.secret, room.id),
      channel: publicChannel(channel),
      user: { plusfriendUserKey: user.plusfriendUserKey, isFriend: user.isFriend },
      mode: room.mode,
      bot: { available: availability.bot.available },
      operator: { available: availability.operator.available, message: availability.operator.available ? null : OPERATOR_UNAVAILABLE_TEXT },
      inputBlocked: availability.inputBlocked,
      lastSeq: room.lastSeq,
      messages: messages.map(toChatMessage),
    };
  }

  /** Checks a browser's room token; returns the room. */
  async authorizeRoom(roomId: string, token: string | undefined): Promise<RoomRecord> {
    const { room, channel } = await this.roomAndChannel(roomId);
    checkRoomToken(channel.secret, room.id, token);
    return room;
  }

  async history(roomId: string, afterSeq?: number, limit = 200): Promise<ChatMessage[]> {
    const messages = await this.store.channels.messages(roomId, afterSeq === undefined ? { limit } : { afterSeq, limit });
    return messages.map(toChatMessage);
  }

  isTyping(roomId: string): boolean {
    return this.typing.has(roomId);
  }

  // What the user does --------------------------------------------------------------------------

  /** A user message: answered by the bot, or queued for the operator when the room is handed over. */
  async send(roomId: string, input: RoomInput): Promise<ChatMessage[]> {
    const { room: initial, channel } = await this.roomAndChannel(roomId);
    return this.rooms.run(initial.id, async () => {
      const room = await this.mustRoom(initial.id);
      const display = input.type === "text" ? input.text : input.action === "message" ? input.text : input.label;
      if (room.mode !== "bot") {
        const message = await this.append(room, "user", { text: display });
        await this.notifyOperators(room.id);
        return [message];
      }
      const { availability } = await channelAvailability(this.store, channel);
      if (availability.answeringBotId === null) {
        throw new AppError(
          409,
          "bot_unavailable",
          availability.inputBlocked ?? availability.bot.reasons[0]?.message ?? "the channel has no bot that can answer",
        );
      }
      const userMessage = await this.append(room, "user", { text: display });
      const turnInput: TurnInput = input;
      const answer = await this.botTurn(channel, room, availability.answeringBotId, turnInput);
      return answer ? [userMessage, answer] : [userMessage];
    });
  }

  async setFriend(roomId: string, isFriend: boolean): Promise<RoomView> {
    const { room, channel } = await this.roomAndChannel(roomId);
    await this.rooms.run(room.id, async () => {
      const user = await this.userOf(room);
      if (isFriend && !user.isFriend) await this.addFriendLocked(channel, room, user);
      if (!isFriend && user.isFriend) await this.store.channels.setFriend(channel.id, room.personId, false);
    });
    return this.view(room.id);
  }

  /** The `operator` button or the "상담원 연결" menu: hand the room to an operator when possible. */
  async requestOperator(roomId: string): Promise<RoomView> {
    const { room, channel } = await this.roomAndChannel(roomId);
    const { availability } = await channelAvailability(this.store, channel);
    if (!availability.operator.available) throw this.operatorUnavailable(availability);
    await this.rooms.run(room.id, async () => {
      const current = await this.mustRoom(room.id);
      if (current.mode !== "bot") return;
      await this.store.channels.setMode(room.id, "waiting", null);
      await this.append(current, "system", { code: "operator_requested", text: SYSTEM_TEXT.operatorRequested, mode: "waiting" });
      await this.notifyOperators(room.id);
    });
    return this.view(room.id);
  }

  // What operators do -----------------------------------------------------------------------------

  async operatorRooms(channelId: string): Promise<OperatorRoom[]> {
    const rooms = await this.store.channels.roomsInModes(channelId, ["waiting", "operator"]);
    return Promise.all(rooms.map((r) => this.operatorRoom(r)));
  }

  async operatorReply(roomId: string, operator: string, text: string): Promise<ChatMessage> {
    const { room } = await this.roomAndChannel(roomId);
    return this.rooms.run(room.id, async () => {
      let current = await this.mustRoom(room.id);
      if (current.mode === "bot")
        throw new AppError(409, "not_handed_over", "the room is talking to the bot; the user has not asked for an operator");
      if (current.mode === "waiting") current = await this.joinLocked(current, operator);
      const message = await this.append(current, "operator", { text, operator });
      await this.notifyOperators(room.id);
      return message;
    });
  }

  async operatorAccept(roomId: string, operator: string): Promise<OperatorRoom> {
    const { room } = await this.roomAndChannel(roomId);
    await this.rooms.run(room.id, async () => {
      const current = await this.mustRoom(room.id);
      if (current.mode === "bot")
        throw new AppError(409, "not_handed_over", "the room is talking to the bot; the user has not asked for an operator");
      if (current.mode === "waiting") await this.joinLocked(current, operator);
    });
    await this.notifyOperators(room.id);
    return this.operatorRoom(await this.mustRoom(room.id));
  }

  /** Hands the room back to the bot. */
  async operatorRelease(roomId: string): Promise<OperatorRoom> {
    const { room } = await this.roomAndChannel(roomId);
    await this.rooms.run(room.id, async () => {
      const current = await this.mustRoom(room.id);
      if (current.mode === "bot") return;
      await this.store.channels.setMode(room.id, "bot", null);
      await this.append(current, "system", { code: "operator_released", text: SYSTEM_TEXT.operatorLeft, mode: "bot" });
    });
    await this.notifyOperators(room.id);
    return this.operatorRoom(await this.mustRoom(room.id));
  }

  // Delivery from outside the room (Event API) ----------------------------------------------------

  /** Runs a bot turn for a person of the channel and posts the answer in their room. */
  async deliverTurn(
    channel: ChannelRecord,
    personId: string,
    botId: string,
    input: TurnInput,
    properties?: Record<string, unknown>,
  ): Promise<ChatMessage | null> {
    const { room } = await this.store.channels.ensureRoom(channel.id, personId);
    return this.rooms.run(room.id, async () => this.botTurn(channel, await this.mustRoom(room.id), botId, input, properties));
  }

  /** Posts an answer that came after its turn in the room the person last used with this bot. */
  private async deliverLater(botId: string, botUserKey: string, response: { outputs: unknown[]; quickReplies: unknown[] }): Promise<void> {
    const rooms: RoomRecord[] = [];
    for (const link of await this.store.channels.botUser(botId, botUserKey)) {
      const room = await this.store.channels.roomOf(link.channelId, link.personId);
      if (room) rooms.push(room);
    }
    const target = rooms.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    if (!target) return;
    await this.rooms.run(target.id, async () => {
      await this.append(await this.mustRoom(target.id), "bot", {
        outputs: response.outputs,
        quickReplies: response.quickReplies,
        botId,
        kind: "callback",
      });
    });
  }

  // Internals -------------------------------------------------------------------------------------

  private operatorUnavailable(availability: Availability): AppError {
    const reasons = availability.operator.reasons;
    return new AppError(
      409,
      "operator_unavailable",
      `${OPERATOR_UNAVAILABLE_TEXT} (${reasons.map((r) => r.code).join(", ")})`,
      undefined,
      reasons.map((r) => ({ path: r.code, message: r.message })),
    );
  }

  private async joinLocked(room: RoomRecord, operator: string): Promise<RoomRecord> {
    await this.store.channels.setMode(room.id, "operator", operator);
    await this.append(room, "system", { code: "operator_joined", text: SYSTEM_TEXT.operatorJoined, mode: "operator" });
    return this.mustRoom(room.id);
  }

  private async addFriendLocked(channel: ChannelRecord, room: RoomRecord, user: ChannelUserRecord): Promise<void> {
    await this.store.channels.setFriend(channel.id, user.personId, true);
    if (channel.welcomeMessage.trim() !== "") await this.append(room, "channel", { text: channel.welcomeMessage });
  }

  /** One bot turn with the typing indicator on; the answer is appended (null when the bot said nothing). */
  private async botTurn(
    channel: ChannelRecord,
    room: RoomRecord,
    botId: string,
    input: TurnInput,
    properties?: Record<string, unknown>,
  ): Promise<ChatMessage | null> {
    const user = await this.userOf(room);
    const botUserKey = botUserKeyFor(botId, room.personId);
    await this.store.channels.rememberBotUser(botId, botUserKey, channel.id, room.personId);
    const info: UserInfo = {
      botUserKey,
      plusfriendUserKey: user.plusfriendUserKey,
      // As on the platform: isFriend is present only when true.
      ...(user.isFriend ? { isFriend: true } : {}),
      ...(user.appUserId ? { appUserId: user.appUserId, appUserStatus: "REGISTERED" } : {}),
      ...(properties ? { properties } : {}),
    };
    this.setTyping(room.id, true);
    try {
      const outcome = await this.conversations.turn({ botId, surface: "channel", userKey: botUserKey, user: info, input });
      const { outputs, quickReplies } = outcome.response;
      if (outputs.length === 0 && quickReplies.length === 0) return null;
      return await this.append(room, "bot", { outputs, quickReplies, botId });
    } catch (error) {
      this.logger.warn({ err: error, roomId: room.id, botId }, "chat turn failed");
      throw error;
    } finally {
      this.setTyping(room.id, false);
    }
  }

  private setTyping(roomId: string, on: boolean): void {
    if (on) this.typing.add(roomId);
    else this.typing.delete(roomId);
    this.hub.publish(roomTopic(roomId), { kind: "typing", on });
  }

  private async append(room: RoomRecord, sender: Sender, body: Record<string, unknown>): Promise<ChatMessage> {
    const message = toChatMessage(await this.store.channels.append(room.id, sender, body));
    this.hub.publish(roomTopic(room.id), { kind: "message", seq: message.seq, data: message });
    return message;
  }

  private async notifyOperators(roomId: string): Promise<void> {
    const room = await this.mustRoom(roomId);
    if (this.hub.listeners(operatorTopic(room.channelId)) === 0) return;
    this.hub.publish(operatorTopic(room.channelId), { kind: "room", data: await this.operatorRoom(room) });
  }

  private async operatorRoom(room: RoomRecord): Promise<OperatorRoom> {
    const user = await this.userOf(room);
    const last = await this.store.channels.messages(room.id, { limit: 1 });
    const lastMessage = last[0] ? toChatMessage(last[0]) : null;
    return {
      roomId: room.id,
      channelId: room.channelId,
      mode: room.mode,
      operator: room.operator,
      plusfriendUserKey: user.plusfriendUserKey,
      isFriend: user.isFriend,
      lastSeq: room.lastSeq,
      updatedAt: room.updatedAt,
      lastMessage,
    };
  }

  private async userOf(room: RoomRecord): Promise<ChannelUserRecord> {
    const user = await this.store.channels.user(room.channelId, room.personId);
    if (!user) throw notFound(`user of room ${room.id}`);
    return user;
  }

  private async mustRoom(roomId: string): Promise<RoomRecord> {
    const room = await this.store.channels.room(roomId);
    if (!room) throw notFound(`chat room ${roomId}`);
    return room;
  }

  private async roomAndChannel(roomId: string): Promise<{ room: RoomRecord; channel: ChannelRecord }> {
    const room = await this.mustRoom(roomId);
    return { room, channel: await this.channel(room.channelId) };
  }
}
