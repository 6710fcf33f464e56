/**
 * Table types for Kysely. Both dialects store the same shapes: ids and timestamps (ISO 8601, UTC)
 * as text, JSON documents as text, booleans as 0/1 integers, so one set of queries serves both.
 */
import type { Generated } from "kysely";
import type { Role } from "../core/access/roles.js";

export interface WorkspaceTable {
  id: string;
  name: string;
  created_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export type { Role };

export interface MembershipTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie value; the value itself is never stored. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  workspace_id: string;
  created_by: string;
  name: string;
  role: Role;
  /** sha256 of the token; the token is shown once at creation. */
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SetupTokenTable {
  token_hash: string;
  expires_at: string;
  used_at: string | null;
}

export interface BotTable {
  id: string;
  workspace_id: string;
  name: string;
  /** The editable draft: a complete bot file (JSON). */
  draft: string;
  /** Bumped on every draft write; clients send it back to avoid lost updates. */
  draft_revision: number;
  /** The version the runtime answers from; null until the first deploy. */
  deployed_version: number | null;
  created_at: string;
  updated_at: string;
}

export interface BotVersionTable {
  bot_id: string;
  version: number;
  note: string;
  /** Immutable snapshot of the bot file at deploy time (JSON). */
  snapshot: string;
  created_by: string | null;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  workspace_id: string | null;
  actor: string | null;
  action: string;
  target: string | null;
  detail: string;
  created_at: string;
}

export interface ConversationTable {
  bot_id: string;
  user_key: string;
  /** "channel" or "test": the bot test panel keeps its own conversations. */
  surface: string;
  state: string;
  updated_at: string;
}

export interface SkillLogTable {
  id: Generated<number>;
  bot_id: string;
  skill_id: string;
  block_id: string | null;
  surface: string;
  ok: number;
  reason: string | null;
  detail: string;
  status: number | null;
  latency_ms: number;
  created_at: string;
}

export interface CallbackTaskTable {
  id: string;
  /** sha256 of the token in the callback URL. */
  token_hash: string;
  bot_id: string;
  /** The version that started the task (null for the draft in the bot test panel). */
  version: number | null;
  surface: string;
  user_key: string;
  block_id: string;
  /** Gateway only: the real platform's own callbackUrl, where the final answer is forwarded. */
  forward_url: string | null;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface BotSecretTable {
  bot_id: string;
  /** "gateway": the header secret the real platform sends to /kakao/v2/bots/:botId/skill. */
  kind: string;
  secret_hash: string;
  created_at: string;
}

/** Answers delivered outside a turn (callbacks, events), kept for the rooms that show them. */
export interface DeliveredMessageTable {
  id: string;
  bot_id: string;
  surface: string;
  user_key: string;
  kind: string;
  payload: string;
  created_at: string;
}

export interface HelpArticleTable {
  slug: string;
  title: string;
  /** JSON array of the three category levels. */
  category: string;
  /** JSON array of tags. */
  tags: string;
  /** Markdown. */
  body: string;
  published: number;
  views: number;
  created_at: string;
  updated_at: string;
}

export interface HelpSynonymTable {
  id: string;
  /** JSON array of equivalent terms. */
  terms: string;
  created_at: string;
}

export interface InvitationTable {
  id: string;
  workspace_id: string;
  email: string;
  role: Role;
  /** sha256 of the token in the invitation link. */
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

export interface Database {
  workspaces: WorkspaceTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  setup_tokens: SetupTokenTable;
  bots: BotTable;
  bot_versions: BotVersionTable;
  audit_log: AuditLogTable;
  conversations: ConversationTable;
  skill_log: SkillLogTable;
  callback_tasks: CallbackTaskTable;
  bot_secrets: BotSecretTable;
  delivered_messages: DeliveredMessageTable;
  help_articles: HelpArticleTable;
  help_synonyms: HelpSynonymTable;
  invitations: InvitationTable;
  channels: ChannelTable;
  channel_users: ChannelUserTable;
  bot_users: BotUserTable;
  chat_rooms: ChatRoomTable;
  chat_messages: ChatMessageTable;
  event_tasks: EventTaskTable;
}

// Channels and chat rooms (migration 0002).

export interface ChannelTable {
  id: string;
  workspace_id: string;
  name: string;
  profile_image_url: string | null;
  intro: string;
  phone: string;
  address: string;
  /** Channel-home settings (JSON). */
  home: string;
  /** "normal" or "alimtalk". */
  profile_type: string;
  chat_enabled: number;
  welcome_message: string;
  /** HMAC key a site uses to sign its own user ids for the web chat. */
  secret: string;
  operating_bot_id: string | null;
  development_bot_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChannelUserTable {
  channel_id: string;
  /** The person behind the room: "anon:<id>" (browser) or "site:<userId>" (signed by the site). */
  person_id: string;
  plusfriend_user_key: string;
  is_friend: number;
  friend_since: string | null;
  app_user_id: string | null;
  created_at: string;
}

export interface BotUserTable {
  bot_id: string;
  bot_user_key: string;
  channel_id: string;
  person_id: string;
  created_at: string;
}

export interface ChatRoomTable {
  id: string;
  channel_id: string;
  person_id: string;
  /** "bot", "waiting" (asked for an operator) or "operator". */
  mode: string;
  operator: string | null;
  last_seq: number;
  welcomed: number;
  created_at: string;
  updated_at: string;
}

export interface ChatMessageTable {
  room_id: string;
  seq: number;
  sender: string;
  body: string;
  created_at: string;
}

export interface EventTaskTable {
  id: string;
  bot_id: string;
  event_name: string;
  status: string;
  results: string;
  created_at: string;
  finished_at: string | null;
}
