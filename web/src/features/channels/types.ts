/** Shapes of the channel admin API's answers (src/server/routes/channels.ts, docs/channels.md). */

import type { BotConnection, ConnectionState, Reason } from "../../../../src/core/channel/availability.js";
import type { ChannelFields, ChannelHome, ChannelRecord, ProfileType } from "../../../../src/core/channel/records.js";

export type { BotConnection, ChannelFields, ChannelHome, ConnectionState, ProfileType, Reason };
export type ConnectionRole = BotConnection["role"];
export type ReasonCode = Reason["code"];

/** A channel as the admin API answers: the stored record, its connections, and the secret only for editors. */
export interface Channel extends Omit<ChannelRecord, "secret"> {
  /** Only for roles that may edit the channel: signs site user ids for the web chat. */
  secret?: string;
  connections: BotConnection[];
}

export interface ChannelStatus {
  channelId: string;
  profileType: ProfileType;
  chatEnabled: boolean;
  connections: BotConnection[];
  answeringBotId: string | null;
  bot: { available: boolean; reasons: Reason[] };
  operator: { available: boolean; reasons: Reason[]; message: string | null };
  inputBlocked: string | null;
  welcome: { channelMessage: boolean; welcomeBlockOnFirstEntry: boolean };
}
