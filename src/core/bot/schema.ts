/**
 * The bot file format (schemaVersion 1): one document holding a bot's settings, entities, skills,
 * scenarios and blocks. The same schema validates `botcenter import`, the admin API's bot bodies and
 * deployed snapshots, so there is exactly one definition of what a valid bot is.
 * Documented with examples in docs/bot-format.md.
 */
import { z } from "zod";
import { outputComponentSchema, quickReplySchema } from "../skill/components.js";

export const BOT_SCHEMA_VERSION = 1;

/** Block, scenario and skill ids: Kakao uses 24-hex ids; hand-written files may use readable slugs. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-'");

const nameSchema = z.string().trim().min(1, "must not be empty").max(100, "at most 100 characters");

/** Context names travel in skill payloads; keep them to identifier-like strings (Korean allowed). */
export const contextNameSchema = z.string().regex(/^[\p{L}\p{N}_.-]{1,50}$/u, "must be 1-50 letters, digits, '_', '.' or '-'");

export const parameterNameSchema = z
  .string()
  .regex(/^[\p{L}_][\p{L}\p{N}_]{0,49}$/u, "must start with a letter or '_' and hold at most 50 letters, digits or '_'");

function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const outputContextSchema = z.strictObject({
  name: contextNameSchema,
  /** Turns the context survives after the turn that set it; 0 deletes it. */
  lifeSpan: z.number().int().min(0).max(100).default(5),
  /** Seconds the context survives; 0 means no time limit (only lifeSpan counts). */
  ttl: z.number().int().min(0).max(86_400).default(600),
  params: z.record(z.string(), z.string()).default({}),
});

export const parameterSchema = z.strictObject({
  name: parameterNameSchema,
  /** "sys.date", "sys.number", ... or the name of a custom entity of this bot. */
  entity: z.string().min(1).max(60),
  required: z.boolean().default(false),
  /** Re-prompt questions (되묻기), asked in turn while a required value is missing. */
  prompts: z.array(z.string().trim().min(1).max(1000)).max(5).default([]),
  /** Overrides settings.maxReprompts for this parameter. */
  maxReprompts: z.number().int().min(0).max(10).optional(),
  /** Used for an optional parameter when nothing was extracted. */
  defaultValue: z.string().max(1000).optional(),
  /** A skill (id) that validates the value during slot filling. */
  validationSkill: idSchema.optional(),
});

export const blockTypeSchema = z.enum(["normal", "welcome", "fallback", "exit", "event"]);
export type BlockType = z.infer<typeof blockTypeSchema>;

export const blockSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  type: blockTypeSchema.default("normal"),
  /** Only the welcome block can be switched off; other blocks ignore false with a validation error. */
  enabled: z.boolean().default(true),
  /** Event blocks: the name the Event API triggers. */
  eventName: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, "must be 1-64 characters of A-Z, a-z, 0-9, '_', '.' or '-'")
    .optional(),
  /** Example utterances (for the exit block: the phrases that leave a re-prompt loop). */
  utterances: z.array(z.string().trim().min(1, "must not be empty").max(500)).max(2000).default([]),
  /** The block is eligible only while all of these contexts are alive. */
  inputContexts: z.array(contextNameSchema).max(10).default([]),
  outputContexts: z.array(outputContextSchema).max(10).default([]),
  parameters: z.array(parameterSchema).max(30).default([]),
  /** Skill (id) called when the block runs. */
  skill: idSchema.optional(),
  /** Answer with the skill's template as-is ("스킬데이터 사용") instead of `outputs`. */
  useSkillData: z.boolean().default(false),
  /** The skill may answer useCallback:true and deliver the final answer later. */
  allowCallback: z.boolean().default(false),
  /** Waiting message shown after a useCallback:true answer; may use {{#webhook.key}}. */
  callbackWaitingText: z.string().max(1000).optional(),
  outputs: z.array(outputComponentSchema).max(3, "at most 3 outputs").default([]),
  quickReplies: z.array(quickReplySchema).max(10, "at most 10 quick replies").default([]),
});

export const scenarioSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  /** The default scenario (기본 시나리오) owns the welcome, fallback and exit blocks. */
  default: z.boolean().default(false),
  blocks: z.array(blockSchema).max(5000).default([]),
});

export const entityEntrySchema = z.strictObject({
  value: z.string().trim().min(1).max(100),
  synonyms: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
});

export const customEntitySchema = z.strictObject({
  name: z
    .string()
    .regex(/^[\p{L}_][\p{L}\p{N}_]{0,49}$/u, "must start with a letter or '_' and hold at most 50 letters, digits or '_'")
    .refine((n) => !n.startsWith("sys"), "names starting with 'sys' are reserved for system entities"),
  description: z.string().max(500).default(""),
  entries: z.array(entityEntrySchema).min(1, "needs at least one entry").max(5000),
});

const headerMapSchema = z.record(
  z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, "must be a valid HTTP header name"),
  z.string().max(2000),
);

export const skillDefinitionSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  description: z.string().max(500).default(""),
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
  /** Used by the bot test panel instead of `url` (as the platform does). */
  testUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  headers: headerMapSchema.default({}),
  /** Header values for bot-test requests; merged over `headers`. */
  testHeaders: headerMapSchema.default({}),
  /** The platform's budget is 5 s for the whole round trip. */
  timeoutMs: z.number().int().min(100).max(30_000).default(5000),
});

export const botSettingsSchema = z.strictObject({
  /** Bot-wide default for how many times a missing required parameter is asked again. */
  maxReprompts: z.number().int().min(0).max(10).default(2),
  /** Shown when a skill fails (timeout, bad answer) and the block has no message of its own. */
  skillErrorMessage: z.string().min(1).max(1000).default("죄송해요, 일시적인 오류로 답변을 드리지 못했어요. 잠시 후 다시 시도해 주세요."),
  /** Overrides the matcher's calibrated confidence threshold (0-1). */
  matchThreshold: z.number().min(0).max(1).optional(),
  /** Skill used by blocks that name none but set useSkillData. */
  defaultSkill: idSchema.optional(),
});

export const knowledgeEntrySchema = z.strictObject({
  question: z.string().trim().min(1, "must not be empty").max(500),
  answer: z.string().trim().min(1, "must not be empty").max(1000),
  categories: z.array(z.string().trim().min(1).max(50)).max(5).default([]),
  imageUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  landingUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
});

/**
 * The bot's knowledge base (지식베이스): Q&A pairs answered when no block matches with confidence,
 * before the fallback block runs.
 */
export const knowledgeSchema = z.strictObject({
  /** Minimum search confidence (0-1) for a knowledge answer. */
  threshold: z.number().min(0).max(1).default(0.5),
  entries: z.array(knowledgeEntrySchema).max(10_000).default([]),
});

export const botInfoSchema = z.strictObject({
  phone: z.string().max(30).optional(),
  address: z.string().max(200).optional(),
});

export const botFileSchema = z.strictObject({
  schemaVersion: z.literal(BOT_SCHEMA_VERSION, { error: `must be ${BOT_SCHEMA_VERSION}` }),
  name: nameSchema,
  description: z.string().max(1000).default(""),
  timezone: z.string().refine(isValidTimezone, "must be an IANA time zone such as Asia/Seoul").default("Asia/Seoul"),
  language: z.enum(["ko", "en"]).default("ko"),
  /** The bot's own copy of contact details (the chatbot helper copies them from a channel). */
  info: botInfoSchema.default({}),
  settings: botSettingsSchema.default(() => botSettingsSchema.parse({})),
  entities: z.array(customEntitySchema).max(500).default([]),
  knowledge: knowledgeSchema.default(() => knowledgeSchema.parse({})),
  skills: z.array(skillDefinitionSchema).max(200).default([]),
  scenarios: z.array(scenarioSchema).min(1, "needs at least the default scenario").max(500),
});

export type BotFile = z.infer<typeof botFileSchema>;
export type BotFileInput = z.input<typeof botFileSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type Block = z.infer<typeof blockSchema>;
export type BlockParameter = z.infer<typeof parameterSchema>;
export type OutputContext = z.infer<typeof outputContextSchema>;
export type CustomEntity = z.infer<typeof customEntitySchema>;
export type SkillDefinition = z.infer<typeof skillDefinitionSchema>;
export type BotSettings = z.infer<typeof botSettingsSchema>;
export type KnowledgeEntry = z.infer<typeof knowledgeEntrySchema>;
