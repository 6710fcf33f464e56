/**
 * The public web chat: pages (`/chat/:channelId`, `/chat/embed.js`, the operator console page) and
 * the room API under /api/v1/chat. No admin credentials here: a browser proves who it is with its
 * anonymous id or a site-signed user id, and reaches its room with the room token it got back.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ChatService } from "../../channels/chat-service.js";
import { EMBED_SCRIPT } from "../../channels/embed-script.js";
import { lastSeenSeq, type SseRegistry, streamRoom } from "../../channels/sse.js";
import { roomInputSchema } from "../../core/dialog/input-schema.js";
import { badRequest } from "../../services/errors.js";

const openBody = z.object({
  anonymousId: z.string().optional(),
  userId: z.string().min(1).max(200).optional(),
  signature: z.string().max(200).optional(),
  addChannel: z.boolean().default(false),
});

const roomParams = z.object({ roomId: z.string().min(1).max(100) });
const tokenQuery = z.object({ token: z.string().optional() });

function tokenOf(request: FastifyRequest, query: { token?: string | undefined }): string | undefined {
  const header = request.headers["x-chat-token"];
  return typeof header === "string" ? header : query.token;
}

export function chatApiRoutes(chat: ChatService, sse: SseRegistry): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/chat/channels/:channelId/rooms",
      {
        schema: {
          tags: ["web chat"],
          summary: "Open (or re-open) the caller's room in a channel; runs the welcome rules; returns the room token and history",
          security: [],
          params: z.object({ channelId: z.string().min(1).max(100) }),
          body: openBody,
        },
      },
      async (request) => {
        const { anonymousId, userId, signature, addChannel } = request.body;
        const identity =
          userId !== undefined ? { userId, signature: signature ?? "" } : anonymousId !== undefined ? { anonymousId } : undefined;
        if (!identity) throw badRequest("validation_failed", "body: send anonymousId, or userId with signature", "anonymousId");
        return chat.open(request.params.channelId, identity, { addChannel });
      },
    );

    app.get(
      "/chat/rooms/:roomId",
      {
        schema: {
          tags: ["web chat"],
          summary: "The room's state and its last messages",
          security: [],
          params: roomParams,
          querystring: tokenQuery.extend({ limit: z.coerce.number().int().min(1).max(500).default(200) }),
        },
      },
      async (request) => {
        const room = await chat.authorizeRoom(request.params.roomId, tokenOf(request, request.query));
        return chat.view(room.id, request.query.limit);
      },
    );

    app.get(
      "/chat/rooms/:roomId/messages",
      {
        schema: {
          tags: ["web chat"],
          summary: "Messages after a sequence number (history reload)",
          security: [],
          params: roomParams,
          querystring: tokenQuery.extend({
            after: z.coerce.number().int().min(0).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(200),
          }),
        },
      },
      async (request) => {
        const room = await chat.authorizeRoom(request.params.roomId, tokenOf(request, request.query));
        return { messages: await chat.history(room.id, request.query.after, request.query.limit) };
      },
    );

    app.post(
      "/chat/rooms/:roomId/messages",
      {
        schema: {
          tags: ["web chat"],
          summary: "Send text, a button click or a quick reply; returns the new messages (they also arrive on the stream)",
          security: [],
          params: roomParams,
          querystring: tokenQuery,
          body: z.object({ input: roomInputSchema }),
        },
      },
      async (request) => {
        const room = await chat.authorizeRoom(request.params.roomId, tokenOf(request, request.query));
        return { messages: await chat.send(room.id, request.body.input) };
      },
    );

    app.put(
      "/chat/rooms/:roomId/friend",
      {
        schema: {
          tags: ["web chat"],
          summary: "Add (true) or remove (false) the channel; adding shows the channel's welcome message",
          security: [],
          params: roomParams,
          querystring: tokenQuery,
          body: z.object({ isFriend: z.boolean() }),
        },
      },
      async (request) => {
        const room = await chat.authorizeRoom(request.params.roomId, tokenOf(request, request.query));
        return chat.setFriend(room.id, request.body.isFriend);
      },
    );

    app.post(
      "/chat/rooms/:roomId/operator",
      {
        schema: {
          tags: ["web chat"],
          summary: "Ask for an operator (the operator button or the 상담원 연결 menu); 409 operator_unavailable with the reasons otherwise",
          security: [],
          params: roomParams,
          querystring: tokenQuery,
        },
      },
      async (request) => {
        const room = await chat.authorizeRoom(request.params.roomId, tokenOf(request, request.query));
        return chat.requestOperator(room.id);
      },
    );

    app.get(
      "/chat/rooms/:roomId/events",
      {
        schema: {
          tags: ["web chat"],
          summary: "Server-sent events: message (id = sequence number), typing, ready. Resumes after Last-Event-ID or `after`",
          security: [],
          params: roomParams,
          querystring: tokenQuery.extend({ after: z.coerce.number().int().min(0).optional() }),
        },
      },
      async (request, reply) => {
        const room = await chat.authorizeRoom(request.params.roomId, tokenOf(request, request.query));
        await streamRoom(chat, sse, room.id, lastSeenSeq(request, request.query.after), request, reply);
      },
    );
  };
}

const NOT_BUILT = `<!doctype html><html lang="ko"><meta charset="utf-8"><title>웹 채팅</title>
<p>웹 채팅 화면이 아직 빌드되지 않았어요. <code>npx vite build --config web/chat/vite.config.ts</code> 를 실행하세요.</p></html>`;

/** Pages of the web chat; `chatRoot` is the built web/chat (index.html, operator/index.html, assets/). */
export async function chatPageRoutes(app: FastifyInstance, chatRoot: string | undefined): Promise<void> {
  const page = (file: string) => {
    let cached: string | undefined;
    return () => {
      if (cached === undefined && chatRoot && existsSync(join(chatRoot, file))) cached = readFileSync(join(chatRoot, file), "utf8");
      return cached ?? NOT_BUILT;
    };
  };
  const chatPage = page("index.html");
  const operatorPage = page(join("operator", "index.html"));
  app.get("/chat/embed.js", { schema: { hide: true } }, async (_request, reply) =>
    reply.type("text/javascript; charset=utf-8").header("cache-control", "public, max-age=300").send(EMBED_SCRIPT),
  );
  app.get("/chat/operator/:channelId", { schema: { hide: true } }, async (_request, reply) =>
    reply.type("text/html; charset=utf-8").send(operatorPage()),
  );
  app.get("/chat/:channelId", { schema: { hide: true } }, async (_request, reply) =>
    reply.type("text/html; charset=utf-8").send(chatPage()),
  );
  if (chatRoot && existsSync(join(chatRoot, "assets"))) {
    await app.register(fastifyStatic, { root: join(chatRoot, "assets"), prefix: "/chat/assets/", decorateReply: false });
  }
}
