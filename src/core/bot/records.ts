/** How stored bots and versions look to API clients (the server's answers and the admin center share these). */
import type { BotFile } from "./schema.js";

export interface BotSummary {
  id: string;
  workspaceId: string;
  name: string;
  draftRevision: number;
  /** The version the runtime answers from; null until the first deploy. */
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

export interface VersionRecord extends VersionSummary {
  snapshot: BotFile;
}
