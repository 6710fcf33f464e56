/** Calls to botcenter's chat API, shared by the web chat and the operator console. */
import { z } from "zod";
import type { OutputComponent, QuickReply } from "../../src/core/skill/components.js";

const mode = z.enum(["bot", "waiting", "operator"]);
export type RoomMode = z.infer<typeof mode>;

// Answers come from botcenter itself (already validated there), so components are taken as they are.
export const messageSchema = z.object({
  seq: z.number(),
  sender: z.enum(["user", "bot", "operator", "channel", "system"]),
  createdAt: z.string(),
  body: z.object({
    text: z.string().optional(),
    outputs: z.array(z.custom<OutputComponent>()).optional(),
    quickReplies: z.array(z.custom<QuickReply>()).optional(),
    code: z.string().optional(),
    mode: mode.optional(),
    operator: z.string().optional(),
  }),
});
export type ChatMessage = z.infer<typeof messageSchema>;
export type Sender = ChatMessage["sender"];

export const roomViewSchema = z.object({
  roomId: z.string(),
  token: z.string(),
  channel: z.object({
    id: z.string(),
    name: z.string(),
    profileImageUrl: z.string().nullable(),
    intro: z.string(),
    profileType: z.enum(["normal", "alimtalk"]),
    chatEnabled: z.boolean(),
  }),
  user: z.object({ plusfriendUserKey: z.string(), isFriend: z.boolean() }),
  mode,
  bot: z.object({ available: z.boolean() }),
  operator: z.object({ available: z.boolean(), message: z.string().nullable() }),
  inputBlocked: z.string().nullable(),
  lastSeq: z.number(),
  messages: z.array(messageSchema),
});
export type RoomView = z.infer<typeof roomViewSchema>;

export const messagesSchema = z.object({ messages: z.array(messageSchema) });

export const operatorRoomSchema = z.object({
  roomId: z.string(),
  channelId: z.string(),
  mode,
  operator: z.string().nullable(),
  plusfriendUserKey: z.string(),
  isFriend: z.boolean(),
  lastSeq: z.number(),
  updatedAt: z.string(),
  lastMessage: messageSchema.nullable(),
});
export type OperatorRoom = z.infer<typeof operatorRoomSchema>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export async function call<T>(
  schema: z.ZodType<T>,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const parsed = errorSchema.safeParse(data);
    throw new ApiError(
      res.status,
      parsed.success ? parsed.data.error.code : "error",
      parsed.success ? parsed.data.error.message : `HTTP ${res.status}`,
    );
  }
  return schema.parse(data);
}

/** Merges messages by sequence number: a message seen twice (response and stream) is kept once. */
export function mergeMessages(current: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return [...current];
  const bySeq = new Map(current.map((m) => [m.seq, m]));
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Parses one SSE `data` field. */
export function parseEventData<T>(schema: z.ZodType<T>, data: string): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
