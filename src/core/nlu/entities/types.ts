// Shared shapes of the entity extractors (re-exported from index.ts).

export interface ExtractionContext {
  /** The instant the utterance is handled; relative dates are computed from it. */
  now: Date;
  /** The bot's IANA timezone, e.g. "Asia/Seoul". An unknown zone falls back to UTC. */
  timezone: string;
}

export interface EntityValue {
  /** "sys.date", "myEntity" */
  entity: string;
  /** Literal text from the utterance. */
  origin: string;
  /** Protocol value string: JSON for structured system entities, plain text otherwise. */
  value: string;
  /** The parsed object behind `value` (for templates and tests). */
  resolved: unknown;
  /** Code-unit offsets into the original text. */
  start: number;
  end: number;
}

export interface CustomEntityDefinition {
  name: string;
  entries: Array<{ value: string; synonyms: string[] }>;
}

export interface SystemEntityInfo {
  name: string;
  /** Korean label shown in the admin UI. */
  label: string;
  example: string;
}

export interface ExtractOptions {
  /**
   * The text is a whole slot-filling reply: ambiguous short forms ("세", "열", "삼") that would be
   * ignored inside a sentence are accepted when they make up the reply.
   */
  reply: boolean;
}

export type Extractor = (text: string, ctx: ExtractionContext, opts: ExtractOptions) => EntityValue[];
