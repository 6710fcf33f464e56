/**
 * The bot test panel (봇 테스트): chat with the draft as a simulated user and see why the bot
 * answered as it did (matched block, candidates, parameters, contexts, skill request/response).
 * Test conversations are kept apart from real ones and use the skills' test URLs.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { turnInputSchema } from "../../core/dialog/input-schema.js";
import { buildSkillPayload } from "../../core/skill/payload.js";
import { botUserKeyFor, plusfriendUserKeyFor } from "../../runtime/user-keys.js";
import { authorizeBot } from "../../services/bots.js";
import { notFound } from "../../services/errors.js";
import { callSkill } from "../../skills/call-skill.js";
import { actorOf, requireAuth } from "../auth-plugin.js";
import type { ServerContext } from "../context.js";

const botParams = z.object({ botId: z.string().min(1) });
const simulatedUser = z
  .object({
    isFriend: z.boolean().default(true),
    appUserId: z.string().max(100).optional(),
    properties: z.record(z.string(), z.unknown()).optional(),
  })
  .default({ isFriend: true });

export function botTestRoutes(ctx: ServerContext): FastifyPluginAsyncZod {
  const { store, conversations } = ctx;
  return async (app) => {
    app.addHook("preHandler", requireAuth(store));

    app.post(
      "/bots/:botId/test/messages",
      {
        schema: {
          tags: ["bot test"],
          summary: "Send one turn to the draft as a simulated user; returns the answer and the trace",
          params: botParams,
          body: z.object({ userKey: z.string().min(1).max(100).default("tester"), input: turnInputSchema, user: simulatedUser }),
        },
      },
      async (request) => {
        const bot = await authorizeBot(store, actorOf(request), request.params.botId, "bot:read");
        const { userKey, input, user } = request.body;
        const botUserKey = botUserKeyFor(bot.id, `test:${userKey}`);
        const outcome = await conversations.turn({
          botId: bot.id,
          surface: "test",
          userKey: botUserKey,
          input,
          user: {
            botUserKey,
            plusfriendUserKey: plusfriendUserKeyFor(`test:${bot.id}`, userKey),
            ...(user.isFriend ? { isFriend: true } : {}),
            ...(user.appUserId ? { appUserId: user.appUserId, appUserStatus: "REGISTERED" } : {}),
            ...(user.properties ? { properties: user.properties } : {}),
          },
        });
        return { response: outcome.response, trace: outcome.trace, state: outcome.state };
      },
    );

    app.delete(
      "/bots/:botId/test/conversation",
      {
        schema: {
          tags: ["bot test"],
          summary: "Start the simulated conversation over",
          params: botParams,
          querystring: z.object({ userKey: z.string().default("tester") }),
        },
      },
      async (request, reply) => {
        const bot = await authorizeBot(store, actorOf(request), request.params.botId, "bot:read");
        await conversations.reset(bot.id, "test", botUserKeyFor(bot.id, `test:${request.query.userKey}`));
        return reply.status(204).send();
      },
    );

    app.get(
      "/bots/:botId/test/deliveries",
      {
        schema: {
          tags: ["bot test"],
          summary: "Answers delivered to the simulated user after their turn (callback answers), oldest first",
          params: botParams,
          querystring: z.object({ userKey: z.string().default("tester"), since: z.string().optional() }),
        },
      },
      async (request) => {
        const bot = await authorizeBot(store, actorOf(request), request.params.botId, "bot:read");
        const key = botUserKeyFor(bot.id, `test:${request.query.userKey}`);
        return { messages: await store.runtime.delivered(bot.id, "test", key, request.query.since) };
      },
    );

    app.post(
      "/bots/:botId/skills/:skillId/test",
      {
        schema: {
          tags: ["skills"],
          summary: "Skill test: send a sample SkillPayload to the skill's test URL; returns request, response, latency and findings",
          params: botParams.extend({ skillId: z.string().min(1) }),
          body: z.object({
            blockId: z.string().optional(),
            utterance: z.string().max(1000).default("테스트"),
            params: z.record(z.string(), z.object({ origin: z.string(), value: z.string() })).default({}),
            user: simulatedUser,
            clientExtra: z.record(z.string(), z.unknown()).nullable().default(null),
          }),
        },
      },
      async (request) => {
        const summary = await authorizeBot(store, actorOf(request), request.params.botId, "bot:read");
        const bot = await store.bots.get(summary.id);
        if (!bot) throw notFound(`bot ${summary.id}`);
        const skill = bot.draft.skills.find((s) => s.id === request.params.skillId);
        if (!skill) throw notFound(`skill ${request.params.skillId}`);
        const blocks = bot.draft.scenarios.flatMap((s) => s.blocks);
        const block = request.body.blockId
          ? blocks.find((b) => b.id === request.body.blockId)
          : (blocks.find((b) => b.skill === skill.id) ?? blocks.find((b) => b.type === "fallback"));
        if (!block) throw notFound(`block ${request.body.blockId ?? ""}`.trim());
        const { user } = request.body;
        const botUserKey = botUserKeyFor(bot.id, "test:skill-test");
        const payload = buildSkillPayload({
          bot: { id: bot.id, name: bot.name },
          block: { id: block.id, name: block.name },
          skill: { id: skill.id, name: skill.name },
          utterance: request.body.utterance,
          lang: bot.draft.language,
          timezone: bot.draft.timezone,
          surface: "test",
          user: {
            botUserKey,
            plusfriendUserKey: plusfriendUserKeyFor(`test:${bot.id}`, "skill-test"),
            ...(user.isFriend ? { isFriend: true } : {}),
            ...(user.appUserId ? { appUserId: user.appUserId, appUserStatus: "REGISTERED" } : {}),
          },
          parameters: Object.fromEntries(Object.entries(request.body.params).map(([k, v]) => [k, { ...v, groupName: "" }])),
          clientExtra: request.body.clientExtra,
        });
        const result = await callSkill(skill, payload, {
          mode: "test",
          usesSkillData: block.useSkillData,
          allowCallback: block.allowCallback,
          allowPrivateNetworks: ctx.config.allowPrivateSkills,
          signingSecret: ctx.config.skillSigningSecret,
        });
        await store.activity.logSkillCall({
          botId: bot.id,
          skillId: skill.id,
          blockId: block.id,
          surface: "test",
          ok: result.ok,
          reason: result.ok ? null : result.reason,
          detail: result.ok ? "" : result.detail,
          status: result.ok ? result.status : (result.status ?? null),
          latencyMs: result.latencyMs,
        });
        return {
          ok: result.ok,
          url: result.url,
          latencyMs: result.latencyMs,
          request: payload,
          status: result.ok ? result.status : (result.status ?? null),
          response: result.ok ? result.raw : (result.raw ?? null),
          reason: result.ok ? null : result.reason,
          detail: result.ok ? null : result.detail,
          findings: result.findings ?? [],
        };
      },
    );

    app.get(
      "/bots/:botId/skill-log",
      {
        schema: {
          tags: ["skills"],
          summary: "Skill calls with their outcome, reason and latency, newest first (스킬 오류 내역 with errors=true)",
          params: botParams,
          querystring: z.object({
            errors: z.enum(["true", "false"]).default("false"),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
        },
      },
      async (request) => {
        const bot = await authorizeBot(store, actorOf(request), request.params.botId, "bot:read");
        return {
          entries: await store.activity.skillLog(bot.id, { errorsOnly: request.query.errors === "true", limit: request.query.limit }),
        };
      },
    );
  };
}
