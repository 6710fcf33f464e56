/** Shapes of the admin API's answers (the request bodies reuse the core schemas' types). */
import type { BlockType, BotFile } from "../../../src/core/bot/schema.js";
import type { OutputComponent, QuickReply } from "../../../src/core/skill/components.js";

export type Role = "owner" | "admin" | "editor" | "viewer";
export const ROLES: readonly Role[] = ["owner", "admin", "editor", "viewer"];

export interface User {
  id: string;
  email: string;
  name: string;
}

export interface WorkspaceRef {
  id: string;
  name: string;
  role: Role;
}

export interface SessionInfo {
  user: User;
  workspaces: WorkspaceRef[];
  csrfToken: string;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt?: string | null;
}

export interface BotSummary {
  id: string;
  workspaceId: string;
  name: string;
  draftRevision: number;
  deployedVersion: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface BotRecord extends BotSummary {
  draft: BotFile;
}

export interface VersionSummary {
  version: number;
  note: string;
  createdBy: string | null;
  createdAt: string;
}

export interface DiffBlockRef {
  id: string;
  name: string;
  scenario: string;
}

export interface BotDiff {
  blocks: { added: DiffBlockRef[]; changed: Array<DiffBlockRef & { fields: string[] }>; removed: DiffBlockRef[] };
  entities: { added: string[]; changed: string[]; removed: string[] };
  skills: { added: string[]; changed: string[]; removed: string[] };
  scenarios: { added: string[]; changed: string[]; removed: string[] };
  bot: string[];
  identical: boolean;
}

/** What the bot test panel sends as one user turn. */
export type TestInput =
  | { type: "text"; text: string }
  | { type: "welcome" }
  | {
      type: "action";
      source: "card" | "list" | "quickReply" | "listMenu";
      action: "message" | "block";
      blockId?: string;
      text?: string;
      label?: string;
      extra?: Record<string, unknown>;
    };

export interface TestUser {
  isFriend?: boolean;
  appUserId?: string;
}

/** The trace of one test turn (TurnResult["trace"] of the dialog engine, read defensively). */
export interface TestTrace {
  block: { id: string; name: string; type: BlockType } | null;
  trigger?: { type: string };
  utterance?: string;
  match?: {
    score: number;
    accepted: boolean;
    exact: boolean;
    threshold: number;
    candidates: Array<{ blockId: string; blockName: string; score: number; example: string }>;
  };
  slotFilling?: { blockId: string; parameter: string; reasks: number; outcome: string };
  parameters?: Record<string, { origin: string; value: string; display: string }>;
  contexts?: Array<{ name: string; lifeSpan: number; ttl: number; expiresAt: string | null; params: Record<string, string> }>;
  skill?: {
    id: string;
    name: string;
    request: unknown;
    response?: unknown;
    findings: Array<{ path: string; message: string; severity: string }>;
    latencyMs: number;
    error?: { reason: string; detail: string };
  };
  findings?: string[];
  /** Set when the skill answered useCallback:true; the final answer arrives later as a delivery. */
  pendingCallback?: { blockId: string };
}

/** A message delivered after its turn (a callback answer), from GET .../test/deliveries. */
export interface Delivery {
  id: string;
  kind: string;
  payload: unknown;
  createdAt: string;
}

export interface TestTurnResult {
  response: { outputs: OutputComponent[]; quickReplies: QuickReply[] };
  trace: TestTrace;
}
