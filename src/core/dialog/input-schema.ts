/**
 * What a user's turn looks like on the wire (web chat, bot test panel): zod schemas whose output
 * is the engine's TurnInput, so every channel validates input the same way.
 */
import { z } from "zod";

const source = z.enum(["card", "list", "quickReply", "listMenu"]);
const extra = z.record(z.string(), z.unknown()).optional();

export const textInputSchema = z.object({
  type: z.literal("text"),
  text: z.string().trim().min(1, "must not be empty").max(1000, "at most 1000 characters"),
});

export const actionInputSchema = z.discriminatedUnion("action", [
  z.object({ type: z.literal("action"), source, action: z.literal("message"), text: z.string().min(1).max(1000), extra }),
  z.object({
    type: z.literal("action"),
    source,
    action: z.literal("block"),
    blockId: z.string().min(1).max(100),
    label: z.string().max(1000),
    extra,
  }),
]);

export const welcomeInputSchema = z.object({ type: z.literal("welcome") });

export const eventInputSchema = z.object({
  type: z.literal("event"),
  name: z.string().min(1).max(64),
  data: z.record(z.string(), z.unknown()).optional(),
  params: z.record(z.string(), z.string()).optional(),
});

/** Every kind of turn (the bot test panel can simulate all of them). */
export const turnInputSchema = z.discriminatedUnion("type", [textInputSchema, actionInputSchema, welcomeInputSchema, eventInputSchema]);

/** What a person can do in a chat room: type, or press a button, list item or quick reply. */
export const roomInputSchema = z.discriminatedUnion("type", [textInputSchema, actionInputSchema]);
