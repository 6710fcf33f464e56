import type { Kysely } from "kysely";

/** One-time callback URLs (AI-chatbot callbacks) and per-bot secrets (the platform gateway). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("callback_tasks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("bot_id", "text", (c) => c.notNull().references("bots.id").onDelete("cascade"))
    .addColumn("version", "integer")
    .addColumn("surface", "text", (c) => c.notNull())
    .addColumn("user_key", "text", (c) => c.notNull())
    .addColumn("block_id", "text", (c) => c.notNull())
    .addColumn("forward_url", "text")
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("bot_secrets")
    .addColumn("bot_id", "text", (c) => c.notNull().references("bots.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("secret_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("bot_secrets_pk", ["bot_id", "kind"])
    .execute();

  await db.schema
    .createTable("delivered_messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("bot_id", "text", (c) => c.notNull().references("bots.id").onDelete("cascade"))
    .addColumn("surface", "text", (c) => c.notNull())
    .addColumn("user_key", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("delivered_messages_user")
    .on("delivered_messages")
    .columns(["bot_id", "surface", "user_key", "created_at"])
    .execute();
}
