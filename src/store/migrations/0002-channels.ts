import type { Kysely } from "kysely";

/**
 * Channels (business-messenger profiles), their users and friend state, chat rooms with a
 * per-room message sequence, bot-user keys for Event API look-ups, and Event API tasks.
 * Bot ids on channels are plain text (no foreign key): a deleted bot leaves a broken connection
 * that the admin center can show, instead of silently disappearing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("channels")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("profile_image_url", "text")
    .addColumn("intro", "text", (c) => c.notNull())
    .addColumn("phone", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("home", "text", (c) => c.notNull())
    .addColumn("profile_type", "text", (c) => c.notNull())
    .addColumn("chat_enabled", "integer", (c) => c.notNull())
    .addColumn("welcome_message", "text", (c) => c.notNull())
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("operating_bot_id", "text")
    .addColumn("development_bot_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("channels_workspace").on("channels").column("workspace_id").execute();

  await db.schema
    .createTable("channel_users")
    .addColumn("channel_id", "text", (c) => c.notNull().references("channels.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.notNull())
    .addColumn("plusfriend_user_key", "text", (c) => c.notNull())
    .addColumn("is_friend", "integer", (c) => c.notNull())
    .addColumn("friend_since", "text")
    .addColumn("app_user_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("channel_users_pk", ["channel_id", "person_id"])
    .execute();
  await db.schema.createIndex("channel_users_pfk").on("channel_users").columns(["channel_id", "plusfriend_user_key"]).unique().execute();
  await db.schema.createIndex("channel_users_app").on("channel_users").columns(["channel_id", "app_user_id"]).execute();

  await db.schema
    .createTable("bot_users")
    .addColumn("bot_id", "text", (c) => c.notNull())
    .addColumn("bot_user_key", "text", (c) => c.notNull())
    .addColumn("channel_id", "text", (c) => c.notNull().references("channels.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("bot_users_pk", ["bot_id", "bot_user_key", "channel_id"])
    .execute();

  await db.schema
    .createTable("chat_rooms")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("channel_id", "text", (c) => c.notNull().references("channels.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("operator", "text")
    .addColumn("last_seq", "integer", (c) => c.notNull())
    .addColumn("welcomed", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("chat_rooms_person").on("chat_rooms").columns(["channel_id", "person_id"]).unique().execute();
  await db.schema.createIndex("chat_rooms_mode").on("chat_rooms").columns(["channel_id", "mode"]).execute();

  await db.schema
    .createTable("chat_messages")
    .addColumn("room_id", "text", (c) => c.notNull().references("chat_rooms.id").onDelete("cascade"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("sender", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("chat_messages_pk", ["room_id", "seq"])
    .execute();

  await db.schema
    .createTable("event_tasks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("bot_id", "text", (c) => c.notNull())
    .addColumn("event_name", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("results", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .execute();
  await db.schema.createIndex("event_tasks_bot").on("event_tasks").columns(["bot_id", "created_at"]).execute();
}
