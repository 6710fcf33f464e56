// Parsing a SkillPayload that arrives from outside (the hosted platform calling botcenter's gateway).
// Lenient on purpose: the platform adds fields over time and omits some in edge cases, so missing
// maps default to empty and unknown keys are dropped. Only what identifies the user is required.
import { z } from "zod";

const looseRef = z.object({ id: z.string().default(""), name: z.string().default("") });
const stringMap = z.record(z.string(), z.unknown());

export const incomingSkillPayloadSchema = z.object({
  intent: z.object({ id: z.string().default(""), name: z.string().default(""), extra: stringMap.optional() }).default({ id: "", name: "" }),
  userRequest: z.object({
    timezone: z.string().default("Asia/Seoul"),
    params: stringMap.default({}),
    block: looseRef.optional(),
    utterance: z.string().default(""),
    lang: z.string().nullish(),
    user: z.object({
      id: z.string().min(1),
      type: z.string().default("botUserKey"),
      properties: stringMap.default({}),
    }),
    callbackUrl: z.string().optional(),
    chat: stringMap.optional(),
  }),
  bot: z.object({ id: z.string().default(""), name: z.string().default("") }).default({ id: "", name: "" }),
  action: z
    .object({
      id: z.string().default(""),
      name: z.string().default(""),
      params: stringMap.default({}),
      detailParams: z
        .record(z.string(), z.object({ origin: z.string().optional(), value: z.unknown(), groupName: z.string().optional() }))
        .default({}),
      clientExtra: stringMap.nullish(),
    })
    .default({ id: "", name: "", params: {}, detailParams: {} }),
  contexts: z
    .array(
      z.object({
        name: z.string(),
        lifespan: z.number().optional(),
        ttl: z.number().optional(),
        params: stringMap.default({}),
      }),
    )
    .default([]),
  flow: z
    .object({
      trigger: z.object({ type: z.string(), referrerBlock: looseRef.optional() }).optional(),
      lastBlock: looseRef.optional(),
    })
    .optional(),
});

export type IncomingSkillPayload = z.infer<typeof incomingSkillPayloadSchema>;

export type UserKeys = {
  botUserKey: string;
  plusfriendUserKey?: string;
  appUserId?: string;
  appUserStatus?: string;
  isFriend: boolean;
};

function pick(props: Record<string, unknown>, camel: string, snake: string): string | undefined {
  const value = props[camel] ?? props[snake];
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

/** The user's identity keys, reading camelCase or snake_case (older payloads only had the latter). */
export function userKeysOf(payload: IncomingSkillPayload): UserKeys {
  const { user } = payload.userRequest;
  const props = user.properties;
  const keys: UserKeys = {
    botUserKey: pick(props, "botUserKey", "bot_user_key") ?? user.id,
    isFriend: props.isFriend === true,
  };
  const pf = pick(props, "plusfriendUserKey", "plusfriend_user_key");
  if (pf !== undefined) keys.plusfriendUserKey = pf;
  const app = pick(props, "appUserId", "app_user_id");
  if (app !== undefined) keys.appUserId = app;
  const status = pick(props, "appUserStatus", "app_user_status");
  if (status !== undefined) keys.appUserStatus = status;
  return keys;
}
