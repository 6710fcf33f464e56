/** A channel as stored and as the admin API shows it (the server and the admin center share these). */
export type ProfileType = "normal" | "alimtalk";

export interface ChannelHome {
  /** Cover image of the channel home. */
  coverImageUrl?: string;
  /** Extra links shown on the channel home (a website, a store page). */
  links?: Array<{ label: string; url: string }>;
  /** Whether the channel home is public (searchable). */
  public?: boolean;
}

export interface ChannelRecord {
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
  secret: string;
  operatingBotId: string | null;
  developmentBotId: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ChannelFields = Partial<
  Pick<
    ChannelRecord,
    "name" | "profileImageUrl" | "intro" | "phone" | "address" | "home" | "profileType" | "chatEnabled" | "welcomeMessage"
  >
>;
