// SkillResponse (version "2.0"): the body a skill server answers with, and the body POSTed to a
// callbackUrl. Structure only; `validateSkillResponse` adds limits and per-block rules with paths.
import { z } from "zod";
import { skillTemplateSchema } from "./components.js";

export const contextValueSchema = z.object({
  name: z.string(),
  /** 0 deletes the context. */
  lifeSpan: z.number(),
  ttl: z.number().optional(),
  /** Values must be strings on the wire; non-string values are a finding. */
  params: z.record(z.string(), z.string()).optional(),
});

export const contextControlSchema = z.object({
  values: z.array(contextValueSchema),
});

export const skillResponseSchema = z.object({
  version: z.literal("2.0"),
  template: skillTemplateSchema.optional(),
  context: contextControlSchema.optional(),
  /** Feeds `{{#webhook.key}}` placeholders and the callback waiting bubble. */
  data: z.record(z.string(), z.unknown()).optional(),
  useCallback: z.boolean().optional(),
  /** Group chats (`extra.mentions`); passed through untouched. */
  extra: z.record(z.string(), z.unknown()).optional(),
});

export type ContextValue = z.infer<typeof contextValueSchema>;
export type ContextControl = z.infer<typeof contextControlSchema>;
export type SkillResponse = z.infer<typeof skillResponseSchema>;
