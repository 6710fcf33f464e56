/**
 * Wires channels, the web chat, the operator console and the Event API into the server: one chat
 * service (and its event hub) shared by the public and admin routes, and SSE streams closed when the
 * server shuts down.
 */
import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Logger } from "pino";
import { ChatService } from "../../channels/chat-service.js";
import { EventApi, RateLimiter } from "../../channels/event-api.js";
import { SseRegistry } from "../../channels/sse.js";
import type { ServerContext } from "../context.js";
import { channelRoutes } from "./channels.js";
import { chatApiRoutes, chatPageRoutes } from "./chat.js";

export interface ChannelsModule {
  chat: ChatService;
  events: EventApi;
  /** Routes for the /api/v1 prefix (public chat API and the admin channel API). */
  api: FastifyPluginAsyncZod;
  /** Pages at the root: /chat/:channelId, /chat/embed.js, /chat/operator/:channelId, /chat/assets/*. */
  pages(app: FastifyInstance): Promise<void>;
}

export interface ChannelsModuleOptions {
  /** Built web chat (web/dist/chat). */
  chatRoot?: string;
  /** Event API requests allowed per bot per minute (default 60). */
  eventRequestsPerMinute?: number;
}

export function createChannelsModule(ctx: ServerContext, logger: Logger, options: ChannelsModuleOptions = {}): ChannelsModule {
  const chat = new ChatService(ctx.store, ctx.conversations, logger);
  const events = new EventApi(ctx.store, chat, new RateLimiter(options.eventRequestsPerMinute ?? 60, 60_000));
  const sse = new SseRegistry();
  return {
    chat,
    events,
    api: async (api) => {
      api.addHook("preClose", async () => sse.closeAll());
      await api.register(chatApiRoutes(chat, sse));
      await api.register(channelRoutes(ctx, chat, events, sse));
    },
    pages: async (app) => {
      app.addHook("preClose", async () => sse.closeAll());
      await chatPageRoutes(app, options.chatRoot);
    },
  };
}
