/**
 * Help center API. Reading and searching is public; writing needs an owner or admin (of any
 * workspace: the help center belongs to the whole botcenter installation).
 */
import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { highestRole, type Role } from "../../core/access/roles.js";
import { SLUG_PATTERN } from "../../help/article-file.js";
import type { Actor } from "../../services/actor.js";
import { actorLabel } from "../../services/actor.js";
import { conflict, notFound } from "../../services/errors.js";
import { requirePermission } from "../../services/roles.js";
import type { Store } from "../../store/store.js";
import { actorOf, requireAuth } from "../auth-plugin.js";
import type { ServerContext } from "../context.js";

export const helpQuerySchema = z.object({
  q: z.string().max(200, "at most 200 characters").default(""),
  sort: z.enum(["relevance", "newest", "views"], { error: "must be relevance, newest or views" }).default("relevance"),
  category: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

const articleBody = z.object({
  title: z.string().trim().min(1, "must not be empty").max(200),
  category: z.array(z.string().trim().min(1).max(50)).length(3, "must have exactly three levels"),
  tags: z.array(z.string().trim().min(1).max(50)).max(30).default([]),
  body: z.string().min(1, "must not be empty").max(100_000),
  published: z.boolean().default(true),
});

/** The highest role the actor holds anywhere (the help center is installation-wide). */
async function installationRole(store: Store, actor: Actor): Promise<Role | undefined> {
  if (actor.kind === "system") return "owner";
  if (actor.kind === "token") return actor.role;
  const memberships = await store.accounts.membershipsOf(actor.userId);
  return highestRole(memberships.map((m) => m.role));
}

export function helpRoutes(ctx: ServerContext): FastifyPluginAsyncZod {
  const { store, help } = ctx;
  return async (app) => {
    app.get(
      "/help/search",
      { schema: { tags: ["help"], summary: "Search help articles (public)", querystring: helpQuerySchema } },
      async (request) => help.search(request.query),
    );

    app.get(
      "/help/articles/:slug",
      {
        schema: { tags: ["help"], summary: "One published article, with its HTML (counts a view)", params: z.object({ slug: z.string() }) },
      },
      async (request) => {
        const article = await help.read(request.params.slug);
        if (!article) throw notFound(`article ${request.params.slug}`);
        return article;
      },
    );

    app.register(async (plugin) => {
      const admin = plugin.withTypeProvider<ZodTypeProvider>();
      admin.addHook("preHandler", requireAuth(store));
      admin.addHook("preHandler", async (request) => {
        requirePermission(await installationRole(store, actorOf(request)), "help:manage");
      });

      admin.get(
        "/help/admin/articles",
        { schema: { tags: ["help"], summary: "All articles, published or not (owners/admins)" } },
        async () => ({
          articles: await store.help.all(),
        }),
      );

      admin.post(
        "/help/admin/articles",
        {
          schema: {
            tags: ["help"],
            summary: "Create an article",
            body: articleBody.extend({
              slug: z.string().regex(SLUG_PATTERN, "must be lowercase letters, digits and single hyphens").max(100),
            }),
          },
        },
        async (request, reply) => {
          if (await store.help.get(request.body.slug))
            throw conflict("slug_taken", `slug: "${request.body.slug}" is already used`, "body.slug");
          const article = await store.help.insert(request.body);
          help.invalidate();
          await store.activity.audit({
            workspaceId: null,
            actor: actorLabel(actorOf(request)),
            action: "help.create",
            target: article.slug,
          });
          return reply.status(201).send(article);
        },
      );

      admin.put(
        "/help/admin/articles/:slug",
        { schema: { tags: ["help"], summary: "Edit an article", params: z.object({ slug: z.string() }), body: articleBody } },
        async (request) => {
          const article = await store.help.update(request.params.slug, request.body);
          if (!article) throw notFound(`article ${request.params.slug}`);
          help.invalidate();
          await store.activity.audit({
            workspaceId: null,
            actor: actorLabel(actorOf(request)),
            action: "help.update",
            target: article.slug,
          });
          return article;
        },
      );

      admin.post(
        "/help/admin/articles/:slug/publish",
        {
          schema: {
            tags: ["help"],
            summary: "Publish or unpublish",
            params: z.object({ slug: z.string() }),
            body: z.object({ published: z.boolean() }),
          },
        },
        async (request) => {
          if (!(await store.help.setPublished(request.params.slug, request.body.published)))
            throw notFound(`article ${request.params.slug}`);
          help.invalidate();
          return { slug: request.params.slug, published: request.body.published };
        },
      );

      admin.delete(
        "/help/admin/articles/:slug",
        { schema: { tags: ["help"], summary: "Delete an article", params: z.object({ slug: z.string() }) } },
        async (request, reply) => {
          if (!(await store.help.delete(request.params.slug))) throw notFound(`article ${request.params.slug}`);
          help.invalidate();
          return reply.status(204).send();
        },
      );

      admin.get("/help/admin/synonyms", { schema: { tags: ["help"], summary: "Search synonym groups" } }, async () => ({
        groups: await store.help.synonyms(),
      }));

      admin.put(
        "/help/admin/synonyms",
        {
          schema: {
            tags: ["help"],
            summary: 'Replace the synonym groups, e.g. [["스킬","skill","웹훅"]]',
            body: z.object({
              groups: z.array(z.array(z.string().trim().min(1).max(50)).min(2, "a group needs at least two terms").max(20)).max(500),
            }),
          },
        },
        async (request) => {
          await store.help.replaceSynonyms(request.body.groups);
          help.invalidate();
          return { groups: (await store.help.synonyms()).map((g) => g.terms) };
        },
      );
    });
  };
}
