/**
 * Server-sent events for chat rooms and the operator console. A room stream first replays stored
 * messages after the client's last sequence number (Last-Event-ID, or `after`), buffering live
 * events meanwhile, then switches to live delivery; every message carries its sequence number as
 * the event id, and anything at or below what was already sent is skipped. So a reconnect neither
 * loses nor repeats a message.
 */
import type { ServerResponse } from "node:http";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { HubEvent } from "./chat-hub.js";
import { roomTopic } from "./chat-hub.js";
import type { ChatService } from "./chat-service.js";

const HEARTBEAT_MS = 15_000;

export class SseStream {
  private closed = false;
  private readonly cleanups: Array<() => void> = [];

  constructor(private readonly res: ServerResponse) {}

  get isClosed(): boolean {
    return this.closed;
  }

  send(event: string, data: unknown, id?: number): void {
    if (this.closed) return;
    this.res.write(`${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  comment(text: string): void {
    if (!this.closed) this.res.write(`: ${text}\n\n`);
  }

  onClose(cleanup: () => void): void {
    if (this.closed) cleanup();
    else this.cleanups.push(cleanup);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.res.end();
  }
}

/** Open streams, so a server shutdown can end them instead of waiting for clients to leave. */
export class SseRegistry {
  private readonly open = new Set<SseStream>();

  start(request: FastifyRequest, reply: FastifyReply): SseStream {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
      "x-request-id": request.id,
    });
    res.write("retry: 2000\n\n");
    const stream = new SseStream(res);
    this.open.add(stream);
    const heartbeat = setInterval(() => stream.comment("ping"), HEARTBEAT_MS);
    stream.onClose(() => {
      clearInterval(heartbeat);
      this.open.delete(stream);
    });
    request.raw.on("close", () => stream.close());
    return stream;
  }

  closeAll(): void {
    for (const stream of [...this.open]) stream.close();
  }

  get size(): number {
    return this.open.size;
  }
}

/** The sequence number a client has seen: Last-Event-ID (set by EventSource on reconnect) or `after`. */
export function lastSeenSeq(request: FastifyRequest, after: number | undefined): number {
  const header = request.headers["last-event-id"];
  const fromHeader = typeof header === "string" && /^\d+$/.test(header) ? Number(header) : undefined;
  return Math.max(fromHeader ?? 0, after ?? 0);
}

export async function streamRoom(
  chat: ChatService,
  registry: SseRegistry,
  roomId: string,
  after: number,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const stream = registry.start(request, reply);
  let sent = after;
  let replaying = true;
  const buffered: HubEvent[] = [];
  const deliver = (event: HubEvent) => {
    if (event.kind === "message") {
      if (event.seq <= sent) return;
      stream.send("message", event.data, event.seq);
      sent = event.seq;
    } else if (event.kind === "typing") stream.send("typing", { on: event.on });
    else stream.send("room", event.data);
  };
  const unsubscribe = chat.hub.subscribe(roomTopic(roomId), (event) => {
    if (replaying) buffered.push(event);
    else deliver(event);
  });
  stream.onClose(unsubscribe);
  try {
    for (;;) {
      const page = await chat.history(roomId, sent, 200);
      for (const m of page) deliver({ kind: "message", seq: m.seq, data: m });
      if (page.length < 200 || stream.isClosed) break;
    }
  } catch (error) {
    request.log.warn({ err: error, roomId }, "room stream replay failed");
    stream.close();
    return;
  }
  replaying = false;
  for (const event of buffered.splice(0)) deliver(event);
  stream.send("ready", { lastSeq: sent, typing: chat.isTyping(roomId) });
}
