/** One room's messages drawn with the shared renderer (the admin preview's), plus system notices. */
import { type ActionHandler, BotMessage, UserMessage } from "../src/renderer/index.js";
import type { ChatMessage } from "./api.js";

export function MessageView({ message, botName, onAction }: { message: ChatMessage; botName: string; onAction?: ActionHandler }) {
  const { sender, body } = message;
  if (sender === "user") return <UserMessage text={body.text ?? ""} />;
  if (sender === "bot") return <BotMessage outputs={body.outputs ?? []} botName={botName} onAction={onAction} />;
  if (sender === "operator") return <BotMessage outputs={[{ simpleText: { text: body.text ?? "" } }]} botName="상담원" />;
  if (sender === "channel") return <BotMessage outputs={[{ simpleText: { text: body.text ?? "" } }]} botName={botName} />;
  return (
    <div className="bc-system" role="status" data-testid="system-message">
      {body.text}
    </div>
  );
}

export function TypingIndicator({ botName }: { botName: string }) {
  return (
    <div className="bc-typing" role="status" aria-label="답변을 입력하고 있어요" data-testid="typing">
      <span className="bc-typing-name">{botName}</span>
      <span className="bc-dots" aria-hidden="true">
        <i />
        <i />
        <i />
      </span>
    </div>
  );
}
