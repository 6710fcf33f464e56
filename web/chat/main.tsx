/**
 * The web chat at /chat/:channelId: opens the browser's room, shows the history with the shared
 * renderer, follows the room over SSE (resuming after the last sequence number it saw), and sends
 * text, button clicks and quick replies. Identity: a random id kept in localStorage, or the
 * site-signed `userId` + `signature` from the URL (the embed script passes them through).
 */
import { StrictMode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { ChatRoom, QuickReplies, type RenderedAction } from "../src/renderer/index.js";
import {
  ApiError,
  type ChatMessage,
  call,
  mergeMessages,
  messageSchema,
  messagesSchema,
  parseEventData,
  type RoomView,
  roomViewSchema,
} from "./api.js";
import "./chat.css";
import { z } from "zod";
import { MessageView, TypingIndicator } from "./messages.js";

const OPERATOR_UNAVAILABLE = "상담원과의 대화가 불가능한 프로필입니다";
const ANON_KEY = "botcenter.chat.anonymousId";

type RoomInput =
  | { type: "text"; text: string }
  | { type: "action"; source: "card" | "list" | "quickReply"; action: "message"; text: string; extra?: Record<string, unknown> }
  | {
      type: "action";
      source: "card" | "list" | "quickReply";
      action: "block";
      blockId: string;
      label: string;
      extra?: Record<string, unknown>;
    };

function anonymousId(): string {
  try {
    const saved = localStorage.getItem(ANON_KEY);
    if (saved && /^[A-Za-z0-9_-]{16,64}$/.test(saved)) return saved;
    const fresh = crypto.randomUUID().replaceAll("-", "");
    localStorage.setItem(ANON_KEY, fresh);
    return fresh;
  } catch {
    // Storage blocked (third-party iframe in some browsers): the identity lasts for this page only.
    return crypto.randomUUID().replaceAll("-", "");
  }
}

function identity(search: URLSearchParams): Record<string, string> {
  const userId = search.get("userId");
  const signature = search.get("signature");
  return userId && signature ? { userId, signature } : { anonymousId: anonymousId() };
}

function channelIdFromPath(): string {
  const parts = location.pathname.split("/").filter(Boolean);
  return decodeURIComponent(parts[parts.length - 1] ?? "");
}

function inputFor(action: RenderedAction): RoomInput | "operator" | undefined {
  if (action.kind === "quickReply") {
    const { reply } = action;
    if (reply.action === "block" && reply.blockId)
      return { type: "action", source: "quickReply", action: "block", blockId: reply.blockId, label: reply.label, extra: reply.extra };
    return { type: "action", source: "quickReply", action: "message", text: reply.messageText ?? reply.label, extra: reply.extra };
  }
  if (action.kind === "listItem") {
    const { item } = action;
    if (item.action === "block" && item.blockId)
      return { type: "action", source: "list", action: "block", blockId: item.blockId, label: item.title, extra: item.extra };
    if (item.action === "message")
      return { type: "action", source: "list", action: "message", text: item.messageText ?? item.title, extra: item.extra };
    const link = item.link?.web ?? item.link?.mobile ?? item.link?.pc;
    if (link && /^https?:/.test(link)) window.open(link, "_blank", "noopener");
    return undefined;
  }
  const { button } = action;
  if (button.action === "operator") return "operator";
  if (button.action === "block" && button.blockId)
    return { type: "action", source: "card", action: "block", blockId: button.blockId, label: button.label, extra: button.extra };
  if (button.action === "message")
    return { type: "action", source: "card", action: "message", text: button.messageText ?? button.label, extra: button.extra };
  if (button.action === "share") void navigator.clipboard?.writeText(location.href).catch(() => undefined);
  return undefined;
}

function ChatApp() {
  const channelId = useMemo(channelIdFromPath, []);
  const search = useMemo(() => new URLSearchParams(location.search), []);
  const embedded = search.get("embed") === "1";
  const [room, setRoom] = useState<RoomView | null>(null);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [typing, setTyping] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  const open = useCallback(async () => {
    try {
      const view = await call(roomViewSchema, "POST", `/api/v1/chat/channels/${encodeURIComponent(channelId)}/rooms`, identity(search));
      setRoom(view);
      setMessages(view.messages);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [channelId, search]);

  useEffect(() => {
    void open();
  }, [open]);

  // Live updates; EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed.
  const roomId = room?.roomId;
  const token = room?.token;
  const startSeq = room?.lastSeq;
  useEffect(() => {
    if (!roomId || !token) return;
    const source = new EventSource(`/api/v1/chat/rooms/${roomId}/events?token=${encodeURIComponent(token)}&after=${startSeq ?? 0}`);
    source.addEventListener("message", (e) => {
      const m = parseEventData(messageSchema, e.data);
      if (!m) return;
      setMessages((current) => mergeMessages(current, [m]));
      const mode = m.body.mode;
      if (m.sender === "system" && mode) setRoom((r) => (r ? { ...r, mode } : r));
    });
    source.addEventListener("typing", (e) => {
      const t = parseEventData(z.object({ on: z.boolean() }), e.data);
      if (t) setTyping(t.on);
    });
    source.addEventListener("ready", (e) => {
      const r = parseEventData(z.object({ typing: z.boolean() }), e.data);
      if (r) setTyping(r.typing);
    });
    return () => source.close();
  }, [roomId, token, startSeq]);

  const messageCount = messages.length;
  useEffect(() => {
    const el = scroller.current;
    if (el && (messageCount > 0 || typing)) el.scrollTop = el.scrollHeight;
  }, [messageCount, typing]);

  const headers = useMemo(() => (token ? { "x-chat-token": token } : undefined), [token]);

  const send = useCallback(
    async (input: RoomInput) => {
      if (!roomId || !headers) return;
      setBusy(true);
      setNotice(null);
      try {
        const result = await call(messagesSchema, "POST", `/api/v1/chat/rooms/${roomId}/messages`, { input }, headers);
        setMessages((current) => mergeMessages(current, result.messages));
      } catch (e) {
        setNotice(e instanceof ApiError ? e.message : "메시지를 보내지 못했어요. 잠시 후 다시 시도해 주세요.");
      } finally {
        setBusy(false);
      }
    },
    [roomId, headers],
  );

  const askOperator = useCallback(async () => {
    if (!roomId || !headers) return;
    setNotice(null);
    try {
      const view = await call(roomViewSchema, "POST", `/api/v1/chat/rooms/${roomId}/operator`, undefined, headers);
      setRoom((r) => (r ? { ...r, mode: view.mode } : r));
      setMessages((current) => mergeMessages(current, view.messages));
    } catch (e) {
      setNotice(e instanceof ApiError && e.code === "operator_unavailable" ? OPERATOR_UNAVAILABLE : "상담원 연결을 요청하지 못했어요.");
    }
  }, [roomId, headers]);

  const setFriend = useCallback(
    async (isFriend: boolean) => {
      if (!roomId || !headers) return;
      try {
        const view = await call(roomViewSchema, "PUT", `/api/v1/chat/rooms/${roomId}/friend`, { isFriend }, headers);
        setRoom((r) => (r ? { ...r, user: view.user } : r));
        setMessages((current) => mergeMessages(current, view.messages));
      } catch (e) {
        setNotice(e instanceof Error ? e.message : String(e));
      }
    },
    [roomId, headers],
  );

  const onAction = useCallback(
    (action: RenderedAction) => {
      const input = inputFor(action);
      if (input === "operator") void askOperator();
      else if (input) void send(input);
    },
    [askOperator, send],
  );

  if (error) {
    return (
      <div className="bc-chat">
        <p className="bc-notice" role="alert" style={{ padding: 16 }}>
          채팅방을 열지 못했어요: {error}
        </p>
      </div>
    );
  }
  if (!room) return <div className="bc-chat" aria-busy="true" />;

  const last = messages[messages.length - 1];
  const quickReplies = last?.sender === "bot" && room.mode === "bot" ? (last.body.quickReplies ?? []) : [];
  const blocked = room.inputBlocked;
  const name = room.channel.name;

  return (
    <div className="bc-chat">
      <header className="bc-header">
        {room.channel.profileImageUrl ? (
          <img className="bc-profile" src={room.channel.profileImageUrl} alt="" />
        ) : (
          <div className="bc-profile" aria-hidden="true">
            {name.slice(0, 1)}
          </div>
        )}
        <div className="bc-title">
          <h1>{name}</h1>
          {room.channel.intro ? <p>{room.channel.intro}</p> : null}
        </div>
        {room.user.isFriend ? (
          <button type="button" onClick={() => void setFriend(false)} aria-pressed="true">
            채널 추가됨 ✓
          </button>
        ) : (
          <button type="button" className="bc-add" onClick={() => void setFriend(true)}>
            채널 추가
          </button>
        )}
        {embedded ? (
          <button type="button" aria-label="채팅 닫기" onClick={() => window.parent.postMessage({ type: "botcenter-chat-close" }, "*")}>
            ✕
          </button>
        ) : null}
      </header>
      <div className="bc-scroll" ref={scroller}>
        <ChatRoom label={`${name} 채팅방`}>
          {messages.map((m) => (
            <MessageView key={m.seq} message={m} botName={name} onAction={room.mode === "bot" ? onAction : undefined} />
          ))}
          {typing ? <TypingIndicator botName={name} /> : null}
        </ChatRoom>
      </div>
      <footer className="bc-footer">
        <QuickReplies replies={quickReplies} onAction={onAction} disabled={busy} />
        {room.channel.chatEnabled && room.mode === "bot" && !blocked ? (
          <div className="bc-menu">
            <button type="button" onClick={() => void askOperator()}>
              상담원 연결
            </button>
          </div>
        ) : null}
        {room.mode === "waiting" ? <p className="bc-notice">상담원 연결을 기다리고 있어요.</p> : null}
        {/* The bot still answers, but this profile cannot reach an operator: say so where people type. */}
        {!blocked && !room.operator.available && notice !== OPERATOR_UNAVAILABLE ? (
          <p className="bc-notice" data-testid="operator-unavailable">
            {OPERATOR_UNAVAILABLE}
          </p>
        ) : null}
        {notice ? (
          <p className="bc-notice" role="alert" data-testid="notice">
            {notice}
          </p>
        ) : null}
        <form
          className="bc-input"
          onSubmit={(e) => {
            e.preventDefault();
            const value = text.trim();
            if (!value || blocked) return;
            setText("");
            void send({ type: "text", text: value });
          }}
        >
          <input
            aria-label="메시지 입력"
            value={blocked ? "" : text}
            placeholder={blocked ?? "메시지를 입력하세요"}
            disabled={blocked !== null}
            maxLength={1000}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="bc-send" disabled={blocked !== null || busy || text.trim() === ""}>
            전송
          </button>
        </form>
      </footer>
    </div>
  );
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ChatApp />
    </StrictMode>,
  );
}
