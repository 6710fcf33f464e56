// Builds the SkillPayload botcenter POSTs to a skill, field for field as the hosted platform sends it.
//
// Presence rules real skill servers depend on (spec §2–§3):
// - action.params / action.detailParams are always objects (servers index into them unchecked);
// - action.clientExtra is null when no button/quick-reply extra came with the turn;
// - user.properties.isFriend appears only when true (absent, not false, otherwise);
// - appUserId/appUserStatus appear only for linked users; every key is duplicated in snake_case.

export type Surface = "channel" | "test";

export const SURFACE_PARAMS: Record<Surface, Record<string, string>> = {
  channel: { surface: "Kakaotalk.plusfriend" },
  test: { surface: "BuilderBotTest", ignoreMe: "true" },
};

export type FlowTriggerType =
  | "TEXT_INPUT"
  | "CARD_BUTTON_MESSAGE"
  | "CARD_BUTTON_BLOCK"
  | "LIST_ITEM_MESSAGE"
  | "LIST_ITEM_BLOCK"
  | "LISTMENU_MESSAGE"
  | "LISTMENU_BLOCK"
  | "QUICKREPLY_BUTTON_MESSAGE"
  | "QUICKREPLY_BUTTON_BLOCK";

export type Ref = { id: string; name: string };

export type SkillUserInput = {
  botUserKey: string;
  plusfriendUserKey?: string;
  appUserId?: string;
  appUserStatus?: string;
  isFriend?: boolean;
  /** Extra properties (plugins etc.); the identity keys above always win. */
  properties?: Record<string, unknown>;
};

export type DetailParam = { origin: string; value: string; groupName?: string };

export type ContextInput = {
  name: string;
  lifespan: number;
  ttl: number;
  /** Plain strings are sent as `{value, resolvedValue}` with both equal. */
  params?: Record<string, string | { value: string; resolvedValue?: string }>;
};

export type MatchedKnowledge = {
  categories: string[];
  question: string;
  answer: string;
  imageUrl?: string;
  landingUrl?: string;
};

export type SkillPayloadInput = {
  bot: Ref;
  block: Ref;
  skill: Ref;
  utterance: string;
  /** Default "ko". */
  lang?: string;
  /** Default "Asia/Seoul". */
  timezone?: string;
  surface: Surface;
  /** Merged into userRequest.params (media, Event API params); surface/ignoreMe always win. */
  requestParams?: Record<string, unknown>;
  user: SkillUserInput;
  parameters?: Record<string, DetailParam>;
  clientExtra?: Record<string, unknown> | null;
  contexts?: ContextInput[];
  /** Default: typed text, no last block. */
  flow?: { trigger: { type: FlowTriggerType; referrerBlock?: Ref }; lastBlock?: Ref };
  callbackUrl?: string;
  /** A knowledge-base hit: intent.name becomes "지식+" and intent.extra carries the matches. */
  knowledge?: { matchedKnowledges: MatchedKnowledge[] };
};

export type SkillUser = {
  id: string;
  type: "botUserKey";
  properties: Record<string, unknown>;
};

export type SkillPayload = {
  intent: {
    id: string;
    name: string;
    extra?: {
      reason: { code: number; message: string };
      knowledge: { responseType: "skill"; matchedKnowledges: MatchedKnowledge[] };
    };
  };
  userRequest: {
    timezone: string;
    params: Record<string, unknown>;
    block: Ref;
    utterance: string;
    lang: string;
    user: SkillUser;
    callbackUrl?: string;
  };
  bot: Ref;
  action: {
    id: string;
    name: string;
    params: Record<string, string>;
    detailParams: Record<string, { origin: string; value: string; groupName: string }>;
    clientExtra: Record<string, unknown> | null;
  };
  contexts: Array<{
    name: string;
    lifespan: number;
    ttl: number;
    params: Record<string, { value: string; resolvedValue: string }>;
  }>;
  flow: { trigger: { type: FlowTriggerType; referrerBlock?: Ref }; lastBlock?: Ref };
};

export const KNOWLEDGE_INTENT_NAME = "지식+";

export function buildSkillUser(input: SkillUserInput): SkillUser {
  const properties: Record<string, unknown> = { ...input.properties };
  properties.botUserKey = input.botUserKey;
  properties.bot_user_key = input.botUserKey;
  if (input.plusfriendUserKey !== undefined) {
    properties.plusfriendUserKey = input.plusfriendUserKey;
    properties.plusfriend_user_key = input.plusfriendUserKey;
  }
  if (input.appUserId !== undefined) {
    properties.appUserId = input.appUserId;
    properties.app_user_id = input.appUserId;
    if (input.appUserStatus !== undefined) {
      properties.appUserStatus = input.appUserStatus;
      properties.app_user_status = input.appUserStatus;
    }
  }
  if (input.isFriend === true) properties.isFriend = true;
  else delete properties.isFriend;
  return { id: input.botUserKey, type: "botUserKey", properties };
}

export function buildSkillPayload(input: SkillPayloadInput): SkillPayload {
  const params: Record<string, string> = {};
  const detailParams: SkillPayload["action"]["detailParams"] = {};
  for (const [name, p] of Object.entries(input.parameters ?? {})) {
    params[name] = p.value;
    detailParams[name] = { origin: p.origin, value: p.value, groupName: p.groupName ?? "" };
  }

  const intent: SkillPayload["intent"] = { id: input.block.id, name: input.block.name };
  if (input.knowledge !== undefined) {
    intent.name = KNOWLEDGE_INTENT_NAME;
    intent.extra = {
      reason: { code: 1, message: "OK" },
      knowledge: { responseType: "skill", matchedKnowledges: input.knowledge.matchedKnowledges },
    };
  }

  const userRequest: SkillPayload["userRequest"] = {
    timezone: input.timezone ?? "Asia/Seoul",
    params: { ...input.requestParams, ...SURFACE_PARAMS[input.surface] },
    block: { id: input.block.id, name: input.block.name },
    utterance: input.utterance,
    lang: input.lang ?? "ko",
    user: buildSkillUser(input.user),
  };
  if (input.callbackUrl !== undefined) userRequest.callbackUrl = input.callbackUrl;

  const contexts = (input.contexts ?? []).map((c) => {
    const ctxParams: Record<string, { value: string; resolvedValue: string }> = {};
    for (const [key, v] of Object.entries(c.params ?? {})) {
      ctxParams[key] =
        typeof v === "string" ? { value: v, resolvedValue: v } : { value: v.value, resolvedValue: v.resolvedValue ?? v.value };
    }
    return { name: c.name, lifespan: c.lifespan, ttl: c.ttl, params: ctxParams };
  });

  const flowIn = input.flow ?? { trigger: { type: "TEXT_INPUT" } };
  const trigger: SkillPayload["flow"]["trigger"] = { type: flowIn.trigger.type };
  if (flowIn.trigger.referrerBlock !== undefined) trigger.referrerBlock = { ...flowIn.trigger.referrerBlock };
  const flow: SkillPayload["flow"] = { trigger };
  if (flowIn.lastBlock !== undefined) flow.lastBlock = { ...flowIn.lastBlock };

  return {
    intent,
    userRequest,
    bot: { id: input.bot.id, name: input.bot.name },
    action: {
      id: input.skill.id,
      name: input.skill.name,
      params,
      detailParams,
      clientExtra: input.clientExtra ?? null,
    },
    contexts,
    flow,
  };
}
