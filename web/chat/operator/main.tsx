/**
 * A minimal operator console at /chat/operator/:channelId for signed-in admin-center users: rooms
 * waiting for an operator or talking to one (live over SSE), a room's history (shared renderer),
 * reply, take over and hand back to the bot. The admin center can link here or embed it.
 */
import { StrictMode, useCallback, useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { z } from "zod";
import { ChatRoom } from "../../src/renderer/index.js";
import { type ChatMessage, call, mergeMessages, messageSchema, type OperatorRoom, operatorRoomSchema, parseEventData } from "../api.js";
import "../chat.css";
import { MessageView, TypingIndicator } from "../messages.js";

const MODE_LABEL: Record<OperatorRoom["mode"], string> = { waiting: "대기 중", operator: "상담 중", bot: "챗봇" };

function channelIdFromPath(): string {
  const parts = location.pathname.split("/").filter(Boolean);
  return decodeURIComponent(parts[parts.length - 1] ?? "");
}

function Console() {
  const channelId = useMemo(channelIdFromPath, []);
  const base = `/api/v1/channels/${encodeURIComponent(channelId)}`;
  const [csrf, setCsrf] = useState<string | null>(null);
  const [rooms, setRooms] = useState<OperatorRoom[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [typing, setTyping] = useState(false);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call(z.object({ csrfToken: z.string() }), "GET", "/api/v1/auth/me")
      .then((me) => setCsrf(me.csrfToken))
      .catch(() => setError("관리자센터에 로그인한 뒤 다시 열어 주세요."));
  }, []);

  useEffect(() => {
    if (!csrf) return;
    const source = new EventSource(`${base}/operator/events`);
    source.addEventListener("rooms", (e) => {
      const data = parseEventData(z.object({ rooms: z.array(operatorRoomSchema) }), e.data);
      if (data) setRooms(data.rooms);
    });
    source.addEventListener("room", (e) => {
      const room = parseEventData(operatorRoomSchema, e.data);
      if (!room) return;
      setRooms((current) => {
        const others = current.filter((r) => r.roomId !== room.roomId);
        return room.mode === "bot" ? others : [...others, room].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
      });
    });
    source.onerror = () => setError(source.readyState === EventSource.CLOSED ? "목록 연결이 끊어졌어요. 새로고침해 주세요." : null);
    return () => source.close();
  }, [base, csrf]);

  useEffect(() => {
    setMessages([]);
    setTyping(false);
    if (!selected) return;
    const source = new EventSource(`${base}/rooms/${selected}/events`);
    source.addEventListener("message", (e) => {
      const m = parseEventData(messageSchema, e.data);
      if (m) setMessages((current) => mergeMessages(current, [m]));
    });
    source.addEventListener("typing", (e) => {
      const t = parseEventData(z.object({ on: z.boolean() }), e.data);
      if (t) setTyping(t.on);
    });
    return () => source.close();
  }, [base, selected]);

  const post = useCallback(
    async (path: string, body?: unknown) => {
      if (!csrf) return;
      try {
        await call(z.unknown(), "POST", `${base}${path}`, body, { "x-csrf-token": csrf });
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [base, csrf],
  );

  const current = rooms.find((r) => r.roomId === selected);
  return (
    <div className="bc-console">
      <aside>
        <h1>상담 대기·진행 ({rooms.length})</h1>
        {rooms.length === 0 ? <p style={{ margin: 12, color: "#667" }}>상담을 기다리는 채팅방이 없어요.</p> : null}
        <ul>
          {rooms.map((r) => (
            <li key={r.roomId}>
              <button type="button" aria-current={r.roomId === selected} onClick={() => setSelected(r.roomId)} data-testid="operator-room">
                <strong>{MODE_LABEL[r.mode]}</strong> · {r.plusfriendUserKey}
                <br />
                <small>{r.lastMessage?.body.text ?? ""}</small>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <section>
        {error ? (
          <p className="bc-notice" role="alert" style={{ padding: 8 }}>
            {error}
          </p>
        ) : null}
        {selected ? (
          <>
            <div className="bc-menu" style={{ padding: 8 }}>
              {current?.mode === "waiting" ? (
                <button type="button" onClick={() => void post(`/rooms/${selected}/accept`)}>
                  상담 시작
                </button>
              ) : null}
              <button type="button" onClick={() => void post(`/rooms/${selected}/release`)}>
                챗봇에게 돌려주기
              </button>
            </div>
            <div className="bc-scroll">
              <ChatRoom label="채팅방 내용">
                {messages.map((m) => (
                  <MessageView key={m.seq} message={m} botName="챗봇" />
                ))}
                {typing ? <TypingIndicator botName="챗봇" /> : null}
              </ChatRoom>
            </div>
            <form
              className="bc-input bc-footer"
              onSubmit={(e) => {
                e.preventDefault();
                const value = text.trim();
                if (!value) return;
                setText("");
                void post(`/rooms/${selected}/reply`, { text: value });
              }}
            >
              <input aria-label="상담원 답변" value={text} placeholder="답변을 입력하세요" onChange={(e) => setText(e.target.value)} />
              <button type="submit" className="bc-send">
                보내기
              </button>
            </form>
          </>
        ) : (
          <p style={{ margin: 16, color: "#667" }}>왼쪽에서 채팅방을 고르세요.</p>
        )}
      </section>
    </div>
  );
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Console />
    </StrictMode>,
  );
}
