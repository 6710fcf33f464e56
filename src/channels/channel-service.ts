/**
 * Channel administration: profile fields, channel-home settings, 1:1 chat, welcome message, and the
 * bots connected as operating / development bot. Every call checks the actor's workspace role and
 * leaves an audit entry for writes.
 */

import { type Availability, availabilityOf, type BotConnection, type ConnectionState } from "../core/channel/availability.js";
import { type Actor, actorLabel, roleOf } from "../services/actor.js";
import { authorizeBot, authorizeWorkspace } from "../services/bots.js";
import { conflict, notFound } from "../services/errors.js";
import { type Permission, requirePermission } from "../services/roles.js";
import type { ChannelFields, ChannelRecord } from "../store/channels-repo.js";
import type { Store } from "../store/store.js";

export type ConnectionRole = "operating" | "development";

export async function authorizeChannel(store: Store, actor: Actor, channelId: string, permission: Permission): Promise<ChannelRecord> {
  const channel = await store.channels.get(channelId);
  if (!channel) throw notFound(`channel ${channelId}`);
  const role = await roleOf(store, actor, channel.workspaceId);
  if (role === undefined) throw notFound(`channel ${channelId}`);
  requirePermission(role, permission);
  return channel;
}

async function connectionOf(store: Store, channel: ChannelRecord, role: ConnectionRole): Promise<BotConnection> {
  const botId = role === "operating" ? channel.operatingBotId : channel.developmentBotId;
  if (botId === null) return { role, botId: null, botName: null, state: "none" };
  const bot = await store.bots.summary(botId);
  // A bot from another workspace counts as gone: the channel's owners cannot see or fix it.
  if (!bot || bot.workspaceId !== channel.workspaceId) return { role, botId, botName: null, state: "broken" };
  const state: ConnectionState = bot.deployedVersion === null ? "not_deployed" : "connected";
  return { role, botId, botName: bot.name, state };
}

export async function connectionsOf(store: Store, channel: ChannelRecord): Promise<BotConnection[]> {
  return Promise.all([connectionOf(store, channel, "operating"), connectionOf(store, channel, "development")]);
}

export interface ChannelStatus {
  channelId: string;
  profileType: ChannelRecord["profileType"];
  chatEnabled: boolean;
  connections: BotConnection[];
  answeringBotId: string | null;
  bot: Availability["bot"];
  operator: Availability["operator"] & { message: string | null };
  inputBlocked: string | null;
  welcome: { channelMessage: boolean; welcomeBlockOnFirstEntry: boolean };
}

export async function channelAvailability(
  store: Store,
  channel: ChannelRecord,
): Promise<{ connections: BotConnection[]; availability: Availability }> {
  const connections = await connectionsOf(store, channel);
  return { connections, availability: availabilityOf(channel, connections) };
}

export async function channelStatus(store: Store, channel: ChannelRecord): Promise<ChannelStatus> {
  const { connections, availability } = await channelAvailability(store, channel);
  return {
    channelId: channel.id,
    profileType: channel.profileType,
    chatEnabled: channel.chatEnabled,
    connections,
    answeringBotId: availability.answeringBotId,
    bot: availability.bot,
    operator: { ...availability.operator, message: availability.operator.available ? null : "상담원과의 대화가 불가능한 프로필입니다" },
    inputBlocked: availability.inputBlocked,
    welcome: { channelMessage: channel.welcomeMessage.trim() !== "", welcomeBlockOnFirstEntry: channel.profileType !== "alimtalk" },
  };
}

export async function createChannel(
  store: Store,
  actor: Actor,
  workspaceId: string,
  fields: ChannelFields & { name: string },
): Promise<ChannelRecord> {
  await authorizeWorkspace(store, actor, workspaceId, "channel:write");
  const channel = await store.channels.create(workspaceId, fields);
  await store.activity.audit({
    workspaceId,
    actor: actorLabel(actor),
    action: "channel.create",
    target: channel.id,
    detail: { name: channel.name },
  });
  return channel;
}

export async function updateChannel(store: Store, actor: Actor, channelId: string, fields: ChannelFields): Promise<ChannelRecord> {
  const channel = await authorizeChannel(store, actor, channelId, "channel:write");
  const updated = await store.channels.update(channel.id, fields);
  if (!updated) throw notFound(`channel ${channelId}`);
  await store.activity.audit({
    workspaceId: channel.workspaceId,
    actor: actorLabel(actor),
    action: "channel.update",
    target: channel.id,
    detail: { fields: Object.keys(fields) },
  });
  return updated;
}

export async function deleteChannel(store: Store, actor: Actor, channelId: string): Promise<void> {
  const channel = await authorizeChannel(store, actor, channelId, "channel:write");
  await store.channels.delete(channel.id);
  await store.activity.audit({ workspaceId: channel.workspaceId, actor: actorLabel(actor), action: "channel.delete", target: channel.id });
}

/**
 * Connects a bot to a channel slot. As on the platform, a channel slot holds one bot and a bot has
 * one operating and at most one development channel; a taken slot must be disconnected first.
 */
export async function connectBot(
  store: Store,
  actor: Actor,
  channelId: string,
  role: ConnectionRole,
  botId: string,
): Promise<ChannelRecord> {
  const channel = await authorizeChannel(store, actor, channelId, "channel:write");
  const bot = await authorizeBot(store, actor, botId, "bot:deploy");
  if (bot.workspaceId !== channel.workspaceId) throw notFound(`bot ${botId}`);
  const current = role === "operating" ? channel.operatingBotId : channel.developmentBotId;
  if (current !== null && current !== bot.id) {
    throw conflict("channel_in_use", `${role}: the channel is already connected to bot ${current}; disconnect it first`, role);
  }
  const other = role === "operating" ? channel.developmentBotId : channel.operatingBotId;
  if (other === bot.id) throw conflict("same_bot", `${role}: bot ${bot.id} is already connected to this channel in the other slot`, role);
  for (const { channel: used, role: usedAs } of await store.channels.channelsOfBot(bot.id)) {
    if (usedAs === role && used.id !== channel.id) {
      throw conflict(
        "bot_in_use",
        `botId: bot ${bot.id} already has ${role} channel ${used.id} (${used.name}); disconnect it first`,
        "botId",
      );
    }
  }
  await store.channels.setBot(channel.id, role, bot.id);
  await store.activity.audit({
    workspaceId: channel.workspaceId,
    actor: actorLabel(actor),
    action: "channel.connect",
    target: channel.id,
    detail: { role, botId },
  });
  const updated = await store.channels.get(channel.id);
  if (!updated) throw notFound(`channel ${channelId}`);
  return updated;
}

export async function disconnectBot(store: Store, actor: Actor, channelId: string, role: ConnectionRole): Promise<ChannelRecord> {
  const channel = await authorizeChannel(store, actor, channelId, "channel:write");
  await store.channels.setBot(channel.id, role, null);
  await store.activity.audit({
    workspaceId: channel.workspaceId,
    actor: actorLabel(actor),
    action: "channel.disconnect",
    target: channel.id,
    detail: { role },
  });
  const updated = await store.channels.get(channel.id);
  if (!updated) throw notFound(`channel ${channelId}`);
  return updated;
}
