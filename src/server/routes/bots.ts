/** Bots: create, import, read and edit the draft, export, deploy, versions, diff, rollback. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { botFileSchema } from "../../core/bot/schema.js";
import {
  authorizeBot,
  authorizeWorkspace,
  createBot,
  defaultWorkspace,
  deleteBot,
  deployBot,
  diffDraft,
  exportBot,
  importBot,
  rollbackBot,
  saveDraft,
} from "../../services/bots.js";
import { notFound } from "../../services/errors.js";
import { actorOf, requireAuth } from "../auth-plugin.js";
import type { ServerContext } from "../context.js";

const botParams = z.object({ botId: z.string().min(1) });
const formatSchema = z.enum(["yaml", "json"], { error: "must be yaml or json" });

export function botRoutes(ctx: ServerContext): FastifyPluginAsyncZod {
  const { store } = ctx;
  return async (app) => {
    app.addHook("preHandler", requireAuth(store));

    app.get(
      "/bots",
      {
        schema: {
          tags: ["bots"],
          summary: "Bots of a workspace (default: your first)",
          querystring: z.object({ workspaceId: z.string().optional() }),
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const workspaceId = request.query.workspaceId ?? (await defaultWorkspace(store, actor));
        await authorizeWorkspace(store, actor, workspaceId, "bot:read");
        return { bots: await store.bots.list(workspaceId) };
      },
    );

    app.post(
      "/bots",
      {
        schema: {
          tags: ["bots"],
          summary: "Create a bot with the default scenario and system blocks",
          body: z.object({
            workspaceId: z.string().optional(),
            name: z.string().trim().min(1, "must not be empty").max(100, "at most 100 characters"),
            description: z.string().max(1000).optional(),
            timezone: z.string().optional(),
            language: z.enum(["ko", "en"]).optional(),
          }),
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { workspaceId, ...fields } = request.body;
        const bot = await createBot(store, actor, workspaceId ?? (await defaultWorkspace(store, actor)), fields);
        return reply.status(201).send(bot);
      },
    );

    app.post(
      "/bots/import",
      {
        bodyLimit: 20 * 1024 * 1024,
        schema: {
          tags: ["bots"],
          summary: "Import a bot file (YAML or JSON text in `content`, or a parsed `bot`); all or nothing",
          body: z
            .object({
              workspaceId: z.string().optional(),
              intoBotId: z.string().optional(),
              content: z
                .string()
                .max(20 * 1024 * 1024)
                .optional(),
              bot: z.unknown().optional(),
            })
            .refine((b) => (b.content === undefined) !== (b.bot === undefined), {
              message: "send exactly one of content or bot",
              path: ["content"],
            }),
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const workspaceId = request.body.workspaceId ?? (await defaultWorkspace(store, actor));
        const bot = await importBot(store, actor, { ...request.body, workspaceId });
        return reply.status(request.body.intoBotId ? 200 : 201).send(bot);
      },
    );

    app.get("/bots/:botId", { schema: { tags: ["bots"], summary: "A bot with its draft", params: botParams } }, async (request) => {
      const summary = await authorizeBot(store, actorOf(request), request.params.botId, "bot:read");
      const bot = await store.bots.get(summary.id);
      if (!bot) throw notFound(`bot ${summary.id}`);
      return bot;
    });

    app.put(
      "/bots/:botId/draft",
      {
        bodyLimit: 20 * 1024 * 1024,
        schema: {
          tags: ["bots"],
          summary: "Replace the draft; send the revision you read to avoid overwriting someone else's save",
          params: botParams,
          body: z.object({ revision: z.number().int().optional(), bot: botFileSchema }),
        },
      },
      async (request) => saveDraft(store, actorOf(request), request.params.botId, request.body.bot, request.body.revision),
    );

    app.delete(
      "/bots/:botId",
      { schema: { tags: ["bots"], summary: "Delete a bot and all its versions", params: botParams } },
      async (request, reply) => {
        await deleteBot(store, actorOf(request), request.params.botId);
        return reply.status(204).send();
      },
    );

    app.get(
      "/bots/:botId/export",
      {
        schema: {
          tags: ["bots"],
          summary: "The draft (or a version) as a bot file",
          params: botParams,
          querystring: z.object({ format: formatSchema.default("yaml"), version: z.coerce.number().int().min(1).optional() }),
        },
      },
      async (request, reply) => {
        const text = await exportBot(store, actorOf(request), request.params.botId, request.query.format, request.query.version);
        reply.header(
          "content-type",
          request.query.format === "json" ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8",
        );
        return reply.send(text);
      },
    );

    app.post(
      "/bots/:botId/deploy",
      {
        schema: {
          tags: ["versions"],
          summary: "Deploy the draft as the next version",
          params: botParams,
          body: z.object({ note: z.string().max(500).default("") }),
        },
      },
      async (request, reply) => reply.status(201).send(await deployBot(store, actorOf(request), request.params.botId, request.body.note)),
    );

    app.get(
      "/bots/:botId/versions",
      { schema: { tags: ["versions"], summary: "Deployed versions, newest first", params: botParams } },
      async (request) => {
        const bot = await authorizeBot(store, actorOf(request), request.params.botId, "bot:read");
        return { deployedVersion: bot.deployedVersion, versions: await store.bots.versions(bot.id) };
      },
    );

    app.get(
      "/bots/:botId/versions/:version",
      {
        schema: {
          tags: ["versions"],
          summary: "One version with its snapshot",
          params: botParams.extend({ version: z.coerce.number().int().min(1) }),
        },
      },
      async (request) => {
        const bot = await authorizeBot(store, actorOf(request), request.params.botId, "bot:read");
        const version = await store.bots.version(bot.id, request.params.version);
        if (!version) throw notFound(`version ${request.params.version} of bot ${bot.id}`);
        return version;
      },
    );

    app.get(
      "/bots/:botId/diff",
      {
        schema: {
          tags: ["versions"],
          summary: "What the draft changes compared with a version (default: the deployed one)",
          params: botParams,
          querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
        },
      },
      async (request) => diffDraft(store, actorOf(request), request.params.botId, request.query.version),
    );

    app.post(
      "/bots/:botId/rollback",
      {
        schema: {
          tags: ["versions"],
          summary: "Serve an earlier version again (the draft is kept)",
          params: botParams,
          body: z.object({ version: z.number().int().min(1) }),
        },
      },
      async (request) => rollbackBot(store, actorOf(request), request.params.botId, request.body.version),
    );
  };
}
