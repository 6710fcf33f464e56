/**
 * Whether a channel's room can reach a bot and an operator, and why not. The same answer drives
 * the chat input ("상담원과의 대화가 불가능한 프로필입니다") and the admin center's status page, so
 * the owner sees exactly the condition the user ran into.
 */
import type { ChannelRecord } from "./records.js";

export const OPERATOR_UNAVAILABLE_TEXT = "상담원과의 대화가 불가능한 프로필입니다";

/** Connection of one bot slot: none, connected (answering), not deployed yet, or broken (bot gone). */
export type ConnectionState = "none" | "connected" | "not_deployed" | "broken";

export interface BotConnection {
  role: "operating" | "development";
  botId: string | null;
  botName: string | null;
  state: ConnectionState;
}

export interface Reason {
  code: "chat_disabled" | "alimtalk_profile" | "no_bot" | "connection_broken" | "not_deployed";
  message: string;
}

export interface Availability {
  /** The bot answering the room (operating bot, else development bot), when it can answer. */
  answeringBotId: string | null;
  bot: { available: boolean; reasons: Reason[] };
  operator: { available: boolean; reasons: Reason[] };
  /** What the chat input shows instead of accepting text, or null when the user can type. */
  inputBlocked: string | null;
}

/** The slot that answers: the operating bot when one is set, else the development bot. */
export function answeringConnection(connections: readonly BotConnection[]): BotConnection | undefined {
  return (
    connections.find((c) => c.role === "operating" && c.botId !== null) ??
    connections.find((c) => c.role === "development" && c.botId !== null)
  );
}

export function availabilityOf(
  channel: Pick<ChannelRecord, "chatEnabled" | "profileType">,
  connections: readonly BotConnection[],
): Availability {
  const answering = answeringConnection(connections);
  const botReasons: Reason[] = [];
  if (!answering)
    botReasons.push({ code: "no_bot", message: "채널에 연결된 챗봇이 없어요. 관리자센터의 채널 화면 > 봇 연결에서 운영 봇을 연결하세요." });
  else if (answering.state === "broken") {
    botReasons.push({
      code: "connection_broken",
      message: `연결된 챗봇(${answering.botId})을 찾을 수 없어 연결이 끊어졌어요. 연결을 해제하고 봇을 다시 연결하세요.`,
    });
  } else if (answering.state === "not_deployed") {
    botReasons.push({
      code: "not_deployed",
      message: `연결된 챗봇(${answering.botName ?? answering.botId})이 아직 배포되지 않았어요. 배포하면 답변을 시작해요.`,
    });
  }

  const operatorReasons: Reason[] = [];
  if (!channel.chatEnabled)
    operatorReasons.push({
      code: "chat_disabled",
      message: "채널의 1:1 채팅이 꺼져 있어요. 관리자센터의 채널 화면 > 채팅 설정에서 1:1 채팅 사용을 켜세요.",
    });
  if (channel.profileType === "alimtalk") {
    operatorReasons.push({
      code: "alimtalk_profile",
      message: "알림톡 전용 프로필은 친구가 아닌 사용자에게 정보성 메시지만 보내며 상담원과 대화할 수 없어요.",
    });
  }
  // The handoff is a chatbot feature: without a bot connection the room has nobody to switch from.
  for (const r of botReasons) if (r.code === "no_bot" || r.code === "connection_broken") operatorReasons.push(r);

  const botAvailable = botReasons.length === 0;
  const operatorAvailable = operatorReasons.length === 0;
  return {
    answeringBotId: botAvailable && answering ? answering.botId : null,
    bot: { available: botAvailable, reasons: botReasons },
    operator: { available: operatorAvailable, reasons: operatorReasons },
    inputBlocked: botAvailable || operatorAvailable ? null : OPERATOR_UNAVAILABLE_TEXT,
  };
}
