/** Shapes of the admin API's answers (the request bodies reuse the core schemas' types). */
import type { Role } from "../../../src/core/access/roles.js";
import type { TurnInput, TurnResponse, TurnTrace } from "../../../src/core/dialog/types.js";

export type { Role } from "../../../src/core/access/roles.js";
export { ROLES } from "../../../src/core/access/roles.js";
export type { BlockRef as DiffBlockRef, BotDiff } from "../../../src/core/bot/diff.js";
export type { BotRecord, BotSummary, VersionSummary } from "../../../src/core/bot/records.js";

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

/** What the bot test panel sends as one user turn (the engine's input, minus events). */
export type TestInput = Exclude<TurnInput, { type: "event" }>;

export interface TestUser {
  isFriend?: boolean;
  appUserId?: string;
}

/** The trace of one test turn: the dialog engine's own type. */
export type TestTrace = TurnTrace;

/** A message delivered after its turn (a callback answer), from GET .../test/deliveries. */
export interface Delivery {
  id: string;
  kind: string;
  payload: unknown;
  createdAt: string;
}

export interface TestTurnResult {
  response: TurnResponse;
  trace: TestTrace;
}
