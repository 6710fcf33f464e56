/**
 * The HTTP application: admin API under /api/v1 (OpenAPI at /api/v1/openapi.json, docs page at
 * /api/docs), health checks, and (when built) the admin center's static files. Routes stay thin:
 * validate (zod schemas), authorize and call a service, which holds the logic.
 */
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Logger } from "pino";
import type { Config } from "../config/config.js";
import { HelpService } from "../help/help-service.js";
import { ConversationService } from "../runtime/conversation-service.js";
import type { Store } from "../store/store.js";
import type { ServerContext } from "./context.js";
import { registerErrorHandling } from "./error-handler.js";
import { LoginLimiter } from "./login-limiter.js";
import { authRoutes } from "./routes/auth.js";
import { botTestRoutes } from "./routes/bot-test.js";
import { botRoutes } from "./routes/bots.js";
import { callbackRoutes } from "./routes/callbacks.js";
import { createChannelsModule } from "./routes/channels-module.js";
import { gatewayRoutes } from "./routes/gateway.js";
import { healthRoutes } from "./routes/health.js";
import { helpRoutes } from "./routes/help.js";
import { helpPageRoutes } from "./routes/help-pages.js";
import { workspaceRoutes } from "./routes/workspaces.js";

export interface BuildServerOptions {
  config: Config;
  store: Store;
  logger: Logger;
  /** Folder of the built admin center (web/dist); served at / when present. */
  webRoot?: string;
  /** Built web chat (web/dist/chat by default when webRoot is set); served at /chat/. */
  chatRoot?: string;
  /** Event API requests allowed per bot per minute (default 60). */
  eventRequestsPerMinute?: number;
  /** The help center (articles are seeded by the caller); a fresh one by default. */
  help?: HelpService;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const { config, store, logger } = options;
  const baseLogger: FastifyBaseLogger = logger;
  const base = Fastify({
    loggerInstance: baseLogger,
    genReqId: (req) => {
      const incoming = req.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: false,
    bodyLimit: 1024 * 1024,
  });
  const webRoot = options.webRoot;
  const indexFile = webRoot ? join(webRoot, "index.html") : undefined;
  let indexHtml: string | undefined;
  registerErrorHandling(base, () => {
    if (indexHtml === undefined && indexFile && existsSync(indexFile)) indexHtml = readFileSync(indexFile, "utf8");
    return indexHtml;
  });
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "botcenter admin API",
        version: "1",
        description: "Admin API of botcenter. Errors are { error: { code, message, path? } }.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "botcenter_session" },
          token: { type: "http", scheme: "bearer", description: "API token (bct_...)" },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  const ctx: ServerContext = {
    store,
    config,
    loginLimiter: new LoginLimiter(config.loginMaxFailures),
    conversations: new ConversationService(store, config, logger),
    help: options.help ?? new HelpService(store),
  };
  const channels = createChannelsModule(ctx, logger, {
    chatRoot: options.chatRoot ?? (webRoot ? join(webRoot, "chat") : undefined),
    eventRequestsPerMinute: options.eventRequestsPerMinute,
  });
  await channels.pages(app);
  await app.register(healthRoutes(ctx));
  await app.register(callbackRoutes(ctx));
  await app.register(gatewayRoutes(ctx));
  await app.register(helpPageRoutes(ctx));
  await app.register(
    async (api) => {
      api.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
      await api.register(authRoutes(ctx));
      await api.register(workspaceRoutes(ctx));
      await api.register(botRoutes(ctx));
      await api.register(botTestRoutes(ctx));
      await api.register(helpRoutes(ctx));
      await api.register(channels.api);
    },
    { prefix: "/api/v1" },
  );

  if (webRoot && indexFile && existsSync(indexFile)) {
    await app.register(fastifyStatic, { root: webRoot, prefix: "/", wildcard: false });
  }
  return base;
}
