/** Shapes of the channel admin API's answers (src/server/routes/channels.ts, docs/channels.md). */

export type ProfileType = "normal" | "alimtalk";
export type ConnectionRole = "operating" | "development";
export type ConnectionState = "none" | "connected" | "not_deployed" | "broken";

export interface ChannelHome {
  coverImageUrl?: string;
  links?: Array<{ label: string; url: string }>;
  public?: boolean;
}

export interface BotConnection {
  role: ConnectionRole;
  botId: string | null;
  botName: string | null;
  state: ConnectionState;
}

export interface Channel {
  id: string;
  workspaceId: string;
  name: string;
  profileImageUrl: string | null;
  intro: string;
  phone: string;
  address: string;
  home: ChannelHome;
  profileType: ProfileType;
  chatEnabled: boolean;
  welcomeMessage: string;
  operatingBotId: string | null;
  developmentBotId: string | null;
  createdAt: string;
  updatedAt: string;
  /** Only for roles that may edit the channel: signs site user ids for the web chat. */
  secret?: string;
  connections: BotConnection[];
}

export type ChannelFields = Partial<
  Pick<Channel, "name" | "profileImageUrl" | "intro" | "phone" | "address" | "home" | "profileType" | "chatEnabled" | "welcomeMessage">
>;

export type ReasonCode = "chat_disabled" | "alimtalk_profile" | "no_bot" | "connection_broken" | "not_deployed";

export interface Reason {
  code: ReasonCode;
  message: string;
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
