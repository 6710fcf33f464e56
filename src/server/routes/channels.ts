/**
 * Admin API for channels (profile, channel home, 1:1 chat, welcome message, bot connections and the
 * status the admin center explains), the operator console (rooms waiting for or talking to an
 * operator, as a list and a live stream) and the Event API with its task results.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  authorizeChannel,
  channelStatus,
  connectBot,
  connectionsOf,
  createChannel,
  deleteChannel,
  disconnectBot,
  updateChannel,
} from "../../channels/channel-service.js";
import { operatorTopic } from "../../channels/chat-hub.js";
import type { ChatService } from "../../channels/chat-service.js";
import { type EventApi, MAX_EVENT_USERS } from "../../channels/event-api.js";
import { lastSeenSeq, type SseRegistry, streamRoom } from "../../channels/sse.js";
import { actorLabel } from "../../services/actor.js";
import { authorizeBot, authorizeWorkspace, defaultWorkspace } from "../../services/bots.js";
import { notFound } from "../../services/errors.js";
import type { ChannelRecord } from "../../store/channels-repo.js";
import { actorOf, requireAuth } from "../auth-plugin.js";
import type { ServerContext } from "../context.js";

const channelParams = z.object({ channelId: z.string().min(1).max(100) });
const roomParams = channelParams.extend({ roomId: z.string().min(1).max(100) });
const role = z.enum(["operating", "development"]);

const homeSchema = z.object({
  coverImageUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  links: z
    .array(z.object({ label: z.string().min(1).max(40), url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }) }))
    .max(10)
    .optional(),
  public: z.boolean().optional(),
});

const fields = {
  name: z.string().trim().min(1, "must not be empty").max(60, "at most 60 characters"),
  profileImageUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).nullable(),
  intro: z.string().max(500, "at most 500 characters"),
  phone: z.string().max(30),
  address: z.string().max(200),
  home: homeSchema,
  profileType: z.enum(["normal", "alimtalk"]),
  chatEnabled: z.boolean(),
  welcomeMessage: z.string().max(1000, "at most 1000 characters"),
};

/** What admins see; the signing secret is shown only to those who may edit the channel. */
function channelView(channel: ChannelRecord, withSecret: boolean) {
  const { secret, ...rest } = channel;
  return withSecret ? { ...rest, secret } : rest;
}

export function channelRoutes(ctx: ServerContext, chat: ChatService, events: EventApi, sse: SseRegistry): FastifyPluginAsyncZod {
  const { store } = ctx;
  return async (app) => {
    app.addHook("preHandler", requireAuth(store));

    app.get(
      "/channels",
      {
        schema: {
          tags: ["channels"],
          summary: "Channels of a workspace (default: your first)",
          querystring: z.object({ workspaceId: z.string().optional() }),
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const workspaceId = request.query.workspaceId ?? (await defaultWorkspace(store, actor));
        await authorizeWorkspace(store, actor, workspaceId, "channel:read");
        const channels = await store.channels.list(workspaceId);
        return {
          channels: await Promise.all(
            channels.map(async (c) => ({ ...channelView(c, false), connections: await connectionsOf(store, c) })),
          ),
        };
      },
    );

    app.post(
      "/channels",
      {
        schema: {
          tags: ["channels"],
          summary: "Create a channel",
          body: z.object(fields).partial().extend({ workspaceId: z.string().optional(), name: fields.name }),
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { workspaceId, ...rest } = request.body;
        const channel = await createChannel(store, actor, workspaceId ?? (await defaultWorkspace(store, actor)), rest);
        return reply.status(201).send(channelView(channel, true));
      },
    );

    app.get(
      "/channels/:channelId",
      { schema: { tags: ["channels"], summary: "One channel with its bot connections", params: channelParams } },
      async (request) => {
        const actor = actorOf(request);
        const channel = await authorizeChannel(store, actor, request.params.channelId, "channel:read");
        const canWrite = await authorizeChannel(store, actor, channel.id, "channel:write").then(
          () => true,
          () => false,
        );
        return { ...channelView(channel, canWrite), connections: await connectionsOf(store, channel) };
      },
    );

    app.patch(
      "/channels/:channelId",
      {
        schema: {
          tags: ["channels"],
          summary: "Edit profile, channel home, profile type, 1:1 chat or welcome message",
          params: channelParams,
          body: z.object(fields).partial(),
        },
      },
      async (request) => channelView(await updateChannel(store, actorOf(request), request.params.channelId, request.body), true),
    );

    app.delete(
      "/channels/:channelId",
      { schema: { tags: ["channels"], summary: "Delete a channel and its rooms", params: channelParams } },
      async (request, reply) => {
        await deleteChannel(store, actorOf(request), request.params.channelId);
        return reply.status(204).send();
      },
    );

    app.put(
      "/channels/:channelId/connections/:role",
      {
        schema: {
          tags: ["channels"],
          summary: "Connect a bot as the channel's operating or development bot",
          params: channelParams.extend({ role }),
          body: z.object({ botId: z.string().min(1) }),
        },
      },
      async (request) => {
        const channel = await connectBot(store, actorOf(request), request.params.channelId, request.params.role, request.body.botId);
        return { connections: await connectionsOf(store, channel) };
      },
    );

    app.delete(
      "/channels/:channelId/connections/:role",
      { schema: { tags: ["channels"], summary: "Disconnect the operating or development bot", params: channelParams.extend({ role }) } },
      async (request) => {
        const channel = await disconnectBot(store, actorOf(request), request.params.channelId, request.params.role);
        return { connections: await connectionsOf(store, channel) };
      },
    );

    app.get(
      "/channels/:channelId/status",
      {
        schema: {
          tags: ["channels"],
          summary: "Whether the room can reach a bot and an operator, and which condition prevents it",
          params: channelParams,
        },
      },
      async (request) => channelStatus(store, await authorizeChannel(store, actorOf(request), request.params.channelId, "channel:read")),
    );

    app.get(
      "/bots/:botId/channels",
      { schema: { tags: ["channels"], summary: "Channels a bot is connected to", params: z.object({ botId: z.string().min(1) }) } },
      async (request) => {
        const bot = await authorizeBot(store, actorOf(request), request.params.botId, "bot:read");
        const list = await store.channels.channelsOfBot(bot.id);
        return { channels: list.map(({ channel, role }) => ({ role, channel: channelView(channel, false) })) };
      },
    );

    // Operator console ------------------------------------------------------------------------

    app.get(
      "/channels/:channelId/operator/rooms",
      { schema: { tags: ["operator console"], summary: "Rooms waiting for an operator or talking to one", params: channelParams } },
      async (request) => {
        const channel = await authorizeChannel(store, actorOf(request), request.params.channelId, "chat:operate");
        return { rooms: await chat.operatorRooms(channel.id) };
      },
    );

    app.get(
      "/channels/:channelId/operator/events",
      {
        schema: {
          tags: ["operator console"],
          summary: "Server-sent events: `rooms` (the current list) first, then `room` for every change",
          params: channelParams,
        },
      },
      async (request, reply) => {
        const channel = await authorizeChannel(store, actorOf(request), request.params.channelId, "chat:operate");
        const stream = sse.start(request, reply);
        const pending: unknown[] = [];
        let ready = false;
        stream.onClose(
          chat.hub.subscribe(operatorTopic(channel.id), (event) => {
            if (event.kind !== "room") return;
            if (ready) stream.send("room", event.data);
            else pending.push(event.data);
          }),
        );
        stream.send("rooms", { rooms: await chat.operatorRooms(channel.id) });
        ready = true;
        for (const data of pending) stream.send("room", data);
      },
    );

    app.get(
      "/channels/:channelId/rooms/:roomId/messages",
      {
        schema: {
          tags: ["operator console"],
          summary: "A room's history",
          params: roomParams,
          querystring: z.object({
            after: z.coerce.number().int().min(0).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(200),
          }),
        },
      },
      async (request) => {
        const channel = await authorizeChannel(store, actorOf(request), request.params.channelId, "chat:operate");
        const room = await store.channels.room(request.params.roomId);
        if (!room || room.channelId !== channel.id) throw notFound(`chat room ${request.params.roomId}`);
        return { messages: await chat.history(room.id, request.query.after, request.query.limit) };
      },
    );

    app.get(
      "/channels/:channelId/rooms/:roomId/events",
      {
        schema: {
          tags: ["operator console"],
          summary: "A room's live stream (same events as the web chat's)",
          params: roomParams,
          querystring: z.object({ after: z.coerce.number().int().min(0).optional() }),
        },
      },
      async (request, reply) => {
        const channel = await authorizeChannel(store, actorOf(request), request.params.channelId, "chat:operate");
        const room = await store.channels.room(request.params.roomId);
        if (!room || room.channelId !== channel.id) throw notFound(`chat room ${request.params.roomId}`);
        await streamRoom(chat, sse, room.id, lastSeenSeq(request, request.query.after), request, reply);
      },
    );

    const roomAction = async (channelId: string, roomId: string, actor: ReturnType<typeof actorOf>) => {
      const channel = await authorizeChannel(store, actor, channelId, "chat:operate");
      const room = await store.channels.room(roomId);
      if (!room || room.channelId !== channel.id) throw notFound(`chat room ${roomId}`);
      return room;
    };

    app.post(
      "/channels/:channelId/rooms/:roomId/accept",
      { schema: { tags: ["operator console"], summary: "Take a waiting room", params: roomParams } },
      async (request) => {
        const actor = actorOf(request);
        const room = await roomAction(request.params.channelId, request.params.roomId, actor);
        return chat.operatorAccept(room.id, actorLabel(actor));
      },
    );

    app.post(
      "/channels/:channelId/rooms/:roomId/reply",
      {
        schema: {
          tags: ["operator console"],
          summary: "Answer the user as an operator (takes a waiting room)",
          params: roomParams,
          body: z.object({ text: z.string().trim().min(1, "must not be empty").max(1000, "at most 1000 characters") }),
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const room = await roomAction(request.params.channelId, request.params.roomId, actor);
        return { message: await chat.operatorReply(room.id, actorLabel(actor), request.body.text) };
      },
    );

    app.post(
      "/channels/:channelId/rooms/:roomId/release",
      { schema: { tags: ["operator console"], summary: "Hand the room back to the bot", params: roomParams } },
      async (request) => {
        const room = await roomAction(request.params.channelId, request.params.roomId, actorOf(request));
        return chat.operatorRelease(room.id);
      },
    );

    // Event API --------------------------------------------------------------------------------

    app.post(
      "/bots/:botId/talk",
      {
        schema: {
          tags: ["event api"],
          summary: `Run the bot's event block for up to ${MAX_EVENT_USERS} users; returns a task id at once`,
          params: z.object({ botId: z.string().min(1) }),
          body: z.object({
            event: z.object({
              name: z.string().min(1).max(64),
              data: z.record(z.string(), z.unknown()).optional(),
            }),
            user: z
              .array(
                z.object({
                  type: z.enum(["botUserKey", "plusfriendUserKey", "appUserId"]),
                  id: z.string().min(1).max(200),
                  properties: z.record(z.string(), z.unknown()).optional(),
                }),
              )
              .min(1, "name at least one user")
              .max(MAX_EVENT_USERS, `at most ${MAX_EVENT_USERS} users per request`),
            params: z.record(z.string(), z.string()).optional(),
          }),
        },
      },
      async (request) => {
        const bot = await authorizeBot(store, actorOf(request), request.params.botId, "event:send");
        return events.submit(bot, request.body);
      },
    );

    app.get(
      "/tasks/:taskId",
      {
        schema: {
          tags: ["event api"],
          summary: "Per-user results of an Event API task",
          params: z.object({ taskId: z.string().min(1).max(100) }),
        },
      },
      async (request) => {
        const task = await events.task(request.params.taskId);
        if (!task) throw notFound(`task ${request.params.taskId}`);
        await authorizeBot(store, actorOf(request), task.botId, "bot:read").catch(() => {
          throw notFound(`task ${request.params.taskId}`);
        });
        return task;
      },
    );
  };
}
