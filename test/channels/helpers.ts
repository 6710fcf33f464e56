/**
 * Helpers for the channel tests: a test server with a recording skill server, the desk bot imported
 * and deployed, a channel connected to it, and a small SSE reader over fetch.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { api, startTestServer, type TestServer } from "../helpers/server.js";

export interface SkillRecorder {
  url: string;
  payloads: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** A skill server that records every payload and answers with the user block it received. */
export async function startSkillRecorder(): Promise<SkillRecorder> {
  const payloads: Array<Record<string, unknown>> = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const payload = JSON.parse(body) as { userRequest?: { callbackUrl?: string } } & Record<string, unknown>;
      payloads.push(payload);
      res.setHeader("content-type", "application/json");
      // Blocks that allow callbacks get a callbackUrl: answer later (the test POSTs the final answer).
      if (payload.userRequest?.callbackUrl) res.end(JSON.stringify({ version: "2.0", useCallback: true }));
      else res.end(JSON.stringify({ version: "2.0", template: { outputs: [{ simpleText: { text: "확인했어요" } }] } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/skill`, payloads, close: () => new Promise((r) => server.close(() => r())) };
}

export interface RecordedUserRequest {
  callbackUrl?: string;
  user: { id: string; type: string; properties: Record<string, unknown> };
}

/** The userRequest of the n-th recorded skill call (negative: from the end). */
export function userRequestOf(skill: SkillRecorder, index: number): RecordedUserRequest {
  const payload = skill.payloads.at(index);
  if (!payload) throw new Error(`no skill call #${index} was recorded (${skill.payloads.length} recorded)`);
  return payload.userRequest as RecordedUserRequest;
}

export async function importAndDeploy(server: TestServer, content: string): Promise<string> {
  const created = await api(server.baseUrl, "POST", "/api/v1/bots/import", { session: server.owner, body: { content } });
  if (created.status !== 201) throw new Error(`import failed: ${created.text}`);
  const botId = (created.body as { id: string }).id;
  const deployed = await api(server.baseUrl, "POST", `/api/v1/bots/${botId}/deploy`, { session: server.owner, body: { note: "test" } });
  if (deployed.status >= 300) throw new Error(`deploy failed: ${deployed.text}`);
  return botId;
}

export function deskBot(skillUrl: string): string {
  return readFileSync(new URL("./fixtures/desk-bot.yaml", import.meta.url), "utf8").replace("http://127.0.0.1:9/skill", skillUrl);
}

export async function createChannel(
  server: TestServer,
  fields: Record<string, unknown>,
  botId?: string,
): Promise<{ id: string; secret: string }> {
  const res = await api(server.baseUrl, "POST", "/api/v1/channels", { session: server.owner, body: { name: "다온마켓", ...fields } });
  if (res.status !== 201) throw new Error(`channel create failed: ${res.text}`);
  const channel = res.body as { id: string; secret: string };
  if (botId) {
    const c = await api(server.baseUrl, "PUT", `/api/v1/channels/${channel.id}/connections/operating`, {
      session: server.owner,
      body: { botId },
    });
    if (c.status !== 200) throw new Error(`connect failed: ${c.text}`);
  }
  return channel;
}

export interface RoomView {
  roomId: string;
  token: string;
  mode: string;
  user: { plusfriendUserKey: string; isFriend: boolean };
  bot: { available: boolean };
  operator: { available: boolean; message: string | null };
  inputBlocked: string | null;
  lastSeq: number;
  messages: Array<{ seq: number; sender: string; body: Record<string, unknown> }>;
}

export async function openRoom(server: TestServer, channelId: string, body: Record<string, unknown>): Promise<RoomView> {
  const res = await api(server.baseUrl, "POST", `/api/v1/chat/channels/${channelId}/rooms`, { body });
  if (res.status !== 200) throw new Error(`open failed: ${res.status} ${res.text}`);
  return res.body as RoomView;
}

export async function say(server: TestServer, room: RoomView, input: Record<string, unknown>) {
  return api(server.baseUrl, "POST", `/api/v1/chat/rooms/${room.roomId}/messages?token=${encodeURIComponent(room.token)}`, {
    body: { input },
  });
}

export function texts(messages: RoomView["messages"]): string[] {
  return messages.map((m) => {
    const outputs = m.body.outputs;
    if (Array.isArray(outputs)) {
      return outputs
        .map((o: Record<string, { text?: string; title?: string }>) => o.simpleText?.text ?? o.textCard?.title ?? Object.keys(o)[0])
        .join(" / ");
    }
    return String(m.body.text ?? "");
  });
}

export interface SseEvent {
  id?: string;
  event: string;
  data: unknown;
}

/** Reads server-sent events from a URL until `until` says stop (or the timeout passes). */
export async function readEvents(
  url: string,
  options: { headers?: Record<string, string>; until: (events: SseEvent[]) => boolean; timeoutMs?: number },
): Promise<SseEvent[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 5000);
  const events: SseEvent[] = [];
  try {
    const res = await fetch(url, { headers: options.headers, signal: controller.signal });
    if (!res.ok || !res.body) throw new Error(`stream failed: ${res.status} ${await res.text()}`);
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let cut = buffer.indexOf("\n\n");
      while (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event: SseEvent = { event: "message", data: undefined };
        let hasData = false;
        for (const line of block.split("\n")) {
          if (line.startsWith("id: ")) event.id = line.slice(4);
          else if (line.startsWith("event: ")) event.event = line.slice(7);
          else if (line.startsWith("data: ")) {
            event.data = JSON.parse(line.slice(6));
            hasData = true;
          }
        }
        if (hasData) events.push(event);
        cut = buffer.indexOf("\n\n");
      }
      if (options.until(events)) break;
    }
  } catch (error) {
    if (!(error instanceof Error && error.name === "AbortError")) throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}

/** Like startTestServer, serving a built web chat from `chatRoot` (SQLite). */
export function startChatServer(chatRoot: string): Promise<TestServer> {
  return startTestServer("sqlite", {}, { chatRoot });
}

export { api, startTestServer, type TestServer };
