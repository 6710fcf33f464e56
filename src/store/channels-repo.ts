/**
 * Channels, their users (friend state, plusfriendUserKey, appUserId), chat rooms and their
 * messages, bot-user keys and Event API tasks. Message numbers are allocated by bumping the room's
 * `last_seq` inside the same transaction as the insert, so two writers (even in two processes on
 * PostgreSQL) can never hand out the same number and numbers have no gaps.
 */
import type { Kysely, Selectable, Updateable } from "kysely";
import type { ChannelFields, ChannelHome, ChannelRecord, ProfileType } from "../core/channel/records.js";
import { isoNow, newId, newSecret } from "./ids.js";
import type { ChannelTable, ChatMessageTable, ChatRoomTable, Database } from "./schema.js";

export type { ChannelFields, ChannelHome, ChannelRecord, ProfileType };
export type RoomMode = "bot" | "waiting" | "operator";
export type Sender = "user" | "bot" | "operator" | "channel" | "system";

export interface ChannelUserRecord {
  channelId: string;
  personId: string;
  plusfriendUserKey: string;
  isFriend: boolean;
  friendSince: string | null;
  appUserId: string | null;
}

export interface RoomRecord {
  id: string;
  channelId: string;
  personId: string;
  mode: RoomMode;
  operator: string | null;
  lastSeq: number;
  welcomed: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface MessageRecord {
  roomId: string;
  seq: number;
  sender: Sender;
  body: Record<string, unknown>;
  createdAt: string;
}

export interface EventTaskRecord {
  id: string;
  botId: string;
  eventName: string;
  status: string;
  results: unknown;
  createdAt: string;
  finishedAt: string | null;
}

function profileType(value: string): ProfileType {
  return value === "alimtalk" ? "alimtalk" : "normal";
}

function roomMode(value: string): RoomMode {
  return value === "waiting" || value === "operator" ? value : "bot";
}

function sender(value: string): Sender {
  return value === "user" || value === "bot" || value === "operator" || value === "channel" ? value : "system";
}

function parseObject(json: string): Record<string, unknown> {
  const value: unknown = JSON.parse(json);
  return typeof value === "object" && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};
}

function toChannel(row: Selectable<ChannelTable>): ChannelRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    profileImageUrl: row.profile_image_url,
    intro: row.intro,
    phone: row.phone,
    address: row.address,
    home: parseObject(row.home),
    profileType: profileType(row.profile_type),
    chatEnabled: row.chat_enabled === 1,
    welcomeMessage: row.welcome_message,
    secret: row.secret,
    operatingBotId: row.operating_bot_id,
    developmentBotId: row.development_bot_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRoom(row: Selectable<ChatRoomTable>): RoomRecord {
  return {
    id: row.id,
    channelId: row.channel_id,
    personId: row.person_id,
    mode: roomMode(row.mode),
    operator: row.operator,
    lastSeq: row.last_seq,
    welcomed: row.welcomed === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toMessage(row: Selectable<ChatMessageTable>): MessageRecord {
  return { roomId: row.room_id, seq: row.seq, sender: sender(row.sender), body: parseObject(row.body), createdAt: row.created_at };
}

export class ChannelsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  // Channels ---------------------------------------------------------------------------------

  async create(workspaceId: string, fields: ChannelFields & { name: string }): Promise<ChannelRecord> {
    const now = isoNow();
    const id = newId();
    await this.db
      .insertInto("channels")
      .values({
        id,
        workspace_id: workspaceId,
        name: fields.name,
        profile_image_url: fields.profileImageUrl ?? null,
        intro: fields.intro ?? "",
        phone: fields.phone ?? "",
        address: fields.address ?? "",
        home: JSON.stringify(fields.home ?? {}),
        profile_type: fields.profileType ?? "normal",
        chat_enabled: fields.chatEnabled === false ? 0 : 1,
        welcome_message: fields.welcomeMessage ?? "",
        secret: newSecret(),
        operating_bot_id: null,
        development_bot_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const created = await this.get(id);
    if (!created) throw new Error(`channel ${id} vanished after insert`);
    return created;
  }

  async get(id: string): Promise<ChannelRecord | undefined> {
    const row = await this.db.selectFrom("channels").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toChannel(row) : undefined;
  }

  async list(workspaceId: string): Promise<ChannelRecord[]> {
    const rows = await this.db.selectFrom("channels").selectAll().where("workspace_id", "=", workspaceId).orderBy("created_at").execute();
    return rows.map(toChannel);
  }

  /** Channels a bot is connected to, operating channel first. */
  async channelsOfBot(botId: string): Promise<Array<{ channel: ChannelRecord; role: "operating" | "development" }>> {
    const rows = await this.db
      .selectFrom("channels")
      .selectAll()
      .where((eb) => eb.or([eb("operating_bot_id", "=", botId), eb("development_bot_id", "=", botId)]))
      .orderBy("created_at")
      .execute();
    const result = rows.map((row) => ({
      channel: toChannel(row),
      role: row.operating_bot_id === botId ? ("operating" as const) : ("development" as const),
    }));
    return result.sort((a, b) => (a.role === b.role ? 0 : a.role === "operating" ? -1 : 1));
  }

  async update(id: string, fields: ChannelFields): Promise<ChannelRecord | undefined> {
    const values: Updateable<ChannelTable> = { updated_at: isoNow() };
    if (fields.name !== undefined) values.name = fields.name;
    if (fields.profileImageUrl !== undefined) values.profile_image_url = fields.profileImageUrl;
    if (fields.intro !== undefined) values.intro = fields.intro;
    if (fields.phone !== undefined) values.phone = fields.phone;
    if (fields.address !== undefined) values.address = fields.address;
    if (fields.home !== undefined) values.home = JSON.stringify(fields.home);
    if (fields.profileType !== undefined) values.profile_type = fields.profileType;
    if (fields.chatEnabled !== undefined) values.chat_enabled = fields.chatEnabled ? 1 : 0;
    if (fields.welcomeMessage !== undefined) values.welcome_message = fields.welcomeMessage;
    await this.db.updateTable("channels").set(values).where("id", "=", id).execute();
    return this.get(id);
  }

  async setBot(id: string, role: "operating" | "development", botId: string | null): Promise<void> {
    const column = role === "operating" ? "operating_bot_id" : "development_bot_id";
    await this.db
      .updateTable("channels")
      .set({ [column]: botId, updated_at: isoNow() })
      .where("id", "=", id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom("channels").where("id", "=", id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  // Users ------------------------------------------------------------------------------------

  /** The channel's record of a person, created on first contact (not a friend yet). */
  async ensureUser(channelId: string, personId: string, plusfriendUserKey: string): Promise<ChannelUserRecord> {
    const existing = await this.user(channelId, personId);
    if (existing) return existing;
    await this.db
      .insertInto("channel_users")
      .values({
        channel_id: channelId,
        person_id: personId,
        plusfriend_user_key: plusfriendUserKey,
        is_friend: 0,
        friend_since: null,
        app_user_id: null,
        created_at: isoNow(),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const created = await this.user(channelId, personId);
    if (!created) throw new Error("channel user vanished after insert");
    return created;
  }

  async user(channelId: string, personId: string): Promise<ChannelUserRecord | undefined> {
    const row = await this.db
      .selectFrom("channel_users")
      .selectAll()
      .where("channel_id", "=", channelId)
      .where("person_id", "=", personId)
      .executeTakeFirst();
    return row
      ? {
          channelId: row.channel_id,
          personId: row.person_id,
          plusfriendUserKey: row.plusfriend_user_key,
          isFriend: row.is_friend === 1,
          friendSince: row.friend_since,
          appUserId: row.app_user_id,
        }
      : undefined;
  }

  async userByPlusfriendKey(channelId: string, key: string): Promise<ChannelUserRecord | undefined> {
    const row = await this.db
      .selectFrom("channel_users")
      .select("person_id")
      .where("channel_id", "=", channelId)
      .where("plusfriend_user_key", "=", key)
      .executeTakeFirst();
    return row ? this.user(channelId, row.person_id) : undefined;
  }

  async userByAppUserId(channelId: string, appUserId: string): Promise<ChannelUserRecord | undefined> {
    const row = await this.db
      .selectFrom("channel_users")
      .select("person_id")
      .where("channel_id", "=", channelId)
      .where("app_user_id", "=", appUserId)
      .executeTakeFirst();
    return row ? this.user(channelId, row.person_id) : undefined;
  }

  async setFriend(channelId: string, personId: string, isFriend: boolean): Promise<void> {
    await this.db
      .updateTable("channel_users")
      .set({ is_friend: isFriend ? 1 : 0, friend_since: isFriend ? isoNow() : null })
      .where("channel_id", "=", channelId)
      .where("person_id", "=", personId)
      .execute();
  }

  /** Links the person to an app user (done by the app sign-up / profile plugins). */
  async linkAppUser(channelId: string, personId: string, appUserId: string | null): Promise<void> {
    await this.db
      .updateTable("channel_users")
      .set({ app_user_id: appUserId })
      .where("channel_id", "=", channelId)
      .where("person_id", "=", personId)
      .execute();
  }

  async rememberBotUser(botId: string, botUserKey: string, channelId: string, personId: string): Promise<void> {
    await this.db
      .insertInto("bot_users")
      .values({ bot_id: botId, bot_user_key: botUserKey, channel_id: channelId, person_id: personId, created_at: isoNow() })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async botUser(botId: string, botUserKey: string): Promise<Array<{ channelId: string; personId: string }>> {
    const rows = await this.db
      .selectFrom("bot_users")
      .select(["channel_id", "person_id"])
      .where("bot_id", "=", botId)
      .where("bot_user_key", "=", botUserKey)
      .execute();
    return rows.map((r) => ({ channelId: r.channel_id, personId: r.person_id }));
  }

  // Rooms and messages -------------------------------------------------------------------------

  async ensureRoom(channelId: string, personId: string): Promise<{ room: RoomRecord; created: boolean }> {
    const existing = await this.roomOf(channelId, personId);
    if (existing) return { room: existing, created: false };
    const now = isoNow();
    const inserted = await this.db
      .insertInto("chat_rooms")
      .values({
        id: newId(),
        channel_id: channelId,
        person_id: personId,
        mode: "bot",
        operator: null,
        last_seq: 0,
        welcomed: 0,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(["channel_id", "person_id"]).doNothing())
      .executeTakeFirst();
    const room = await this.roomOf(channelId, personId);
    if (!room) throw new Error("chat room vanished after insert");
    return { room, created: Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 };
  }

  async roomOf(channelId: string, personId: string): Promise<RoomRecord | undefined> {
    const row = await this.db
      .selectFrom("chat_rooms")
      .selectAll()
      .where("channel_id", "=", channelId)
      .where("person_id", "=", personId)
      .executeTakeFirst();
    return row ? toRoom(row) : undefined;
  }

  async room(id: string): Promise<RoomRecord | undefined> {
    const row = await this.db.selectFrom("chat_rooms").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toRoom(row) : undefined;
  }

  async roomsInModes(channelId: string, modes: RoomMode[]): Promise<RoomRecord[]> {
    if (modes.length === 0) return [];
    const rows = await this.db
      .selectFrom("chat_rooms")
      .selectAll()
      .where("channel_id", "=", channelId)
      .where("mode", "in", modes)
      .orderBy("updated_at")
      .execute();
    return rows.map(toRoom);
  }

  /**
   * Marks the welcome block as run; true only for the caller that flipped the flag, so two tabs
   * opening the room at once run the welcome block once.
   */
  async claimWelcome(roomId: string): Promise<boolean> {
    const result = await this.db
      .updateTable("chat_rooms")
      .set({ welcomed: 1 })
      .where("id", "=", roomId)
      .where("welcomed", "=", 0)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async setMode(roomId: string, mode: RoomMode, operator: string | null): Promise<void> {
    await this.db.updateTable("chat_rooms").set({ mode, operator, updated_at: isoNow() }).where("id", "=", roomId).execute();
  }

  /** Appends a message with the room's next sequence number (one transaction). */
  async append(roomId: string, from: Sender, body: Record<string, unknown>): Promise<MessageRecord> {
    return this.db.transaction().execute(async (trx) => {
      const now = isoNow();
      const bumped = await trx
        .updateTable("chat_rooms")
        .set((eb) => ({ last_seq: eb("last_seq", "+", 1), updated_at: now }))
        .where("id", "=", roomId)
        .returning("last_seq")
        .executeTakeFirst();
      if (!bumped) throw new Error(`chat room ${roomId} not found`);
      const seq = Number(bumped.last_seq);
      await trx
        .insertInto("chat_messages")
        .values({ room_id: roomId, seq, sender: from, body: JSON.stringify(body), created_at: now })
        .execute();
      return { roomId, seq, sender: from, body, createdAt: now };
    });
  }

  /** Messages after `afterSeq`, oldest first; or the last `limit` when `afterSeq` is undefined. */
  async messages(roomId: string, options: { afterSeq?: number; limit?: number } = {}): Promise<MessageRecord[]> {
    const limit = options.limit ?? 200;
    if (options.afterSeq !== undefined) {
      const rows = await this.db
        .selectFrom("chat_messages")
        .selectAll()
        .where("room_id", "=", roomId)
        .where("seq", ">", options.afterSeq)
        .orderBy("seq")
        .limit(limit)
        .execute();
      return rows.map(toMessage);
    }
    const rows = await this.db
      .selectFrom("chat_messages")
      .selectAll()
      .where("room_id", "=", roomId)
      .orderBy("seq", "desc")
      .limit(limit)
      .execute();
    return rows.map(toMessage).reverse();
  }

  // Event API tasks ----------------------------------------------------------------------------

  async createTask(botId: string, eventName: string, results: unknown): Promise<EventTaskRecord> {
    const now = isoNow();
    const id = newId();
    await this.db
      .insertInto("event_tasks")
      .values({
        id,
        bot_id: botId,
        event_name: eventName,
        status: "PENDING",
        results: JSON.stringify(results),
        created_at: now,
        finished_at: null,
      })
      .execute();
    return { id, botId, eventName, status: "PENDING", results, createdAt: now, finishedAt: null };
  }

  async finishTask(id: string, status: string, results: unknown): Promise<void> {
    await this.db
      .updateTable("event_tasks")
      .set({ status, results: JSON.stringify(results), finished_at: isoNow() })
      .where("id", "=", id)
      .execute();
  }

  async task(id: string): Promise<EventTaskRecord | undefined> {
    const row = await this.db.selectFrom("event_tasks").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) return undefined;
    const results: unknown = JSON.parse(row.results);
    return {
      id: row.id,
      botId: row.bot_id,
      eventName: row.event_name,
      status: row.status,
      results,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
    };
  }
}
