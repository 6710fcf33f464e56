/**
 * Table types for Kysely. Both dialects store the same shapes: ids and timestamps (ISO 8601, UTC)
 * as text, JSON documents as text, booleans as 0/1 integers, so one set of queries serves both.
 */
import type { Generated } from "kysely";

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

export type Role = "owner" | "admin" | "editor" | "viewer";

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
}
