/**
 * botcenter behind the real platform: `POST /kakao/v2/bots/:botId/skill` takes the SkillPayload the
 * platform sends (typically from its fallback block) and answers with a SkillResponse produced by the
 * deployed botcenter bot. Protected by a per-bot secret the platform sends as a custom header.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { TurnInput, TurnResponse } from "../../core/dialog/index.js";
import { incomingSkillPayloadSchema, userKeysOf } from "../../core/skill/payload-schema.js";
import { actorLabel } from "../../services/actor.js";
import { authorizeBot } from "../../services/bots.js";
import { AppError } from "../../services/errors.js";
import { actorOf, requireAuth } from "../auth-plugin.js";
import type { ServerContext } from "../context.js";

export const GATEWAY_SECRET_HEADER = "x-botcenter-gateway-secret";
/** clientExtra key that carries a botcenter block id through the platform and back. */
export const BLOCK_EXTRA_KEY = "botcenterBlockId";

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * The platform does not know botcenter's block ids, so block buttons become message buttons that
 * carry the block id in `extra`; the platform hands it back as clientExtra with the next request.
 */
export function toPlatformResponse(response: TurnResponse): unknown {
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (typeof node !== "object" || node === null) return node;
    const entries = Object.entries(node).map(([k, v]) => [k, rewrite(v)] as const);
    const obj: Record<string, unknown> = Object.fromEntries(entries);
    if (obj.action === "block" && typeof obj.blockId === "string") {
      const extra = typeof obj.extra === "object" && obj.extra !== null ? obj.extra : {};
      const label = str(obj.messageText) ?? str(obj.label) ?? str(obj.title) ?? "";
      const { blockId, ...rest } = obj;
      return { ...rest, action: "message", messageText: label, extra: { ...extra, [BLOCK_EXTRA_KEY]: blockId } };
    }
    return obj;
  };
  return rewrite(response);
}

export function gatewayRoutes(ctx: ServerContext): FastifyPluginAsyncZod {
  const { store, conversations } = ctx;
  return async (app) => {
    app.post(
      "/kakao/v2/bots/:botId/skill",
      {
        schema: {
          tags: ["gateway"],
          summary: "SkillPayload in from the real platform, SkillResponse out from the deployed bot",
          params: z.object({ botId: z.string().min(1) }),
          body: incomingSkillPayloadSchema,
        },
      },
      async (request) => {
        const { botId } = request.params;
        const secret = request.headers[GATEWAY_SECRET_HEADER];
        if (typeof secret !== "string" || !(await store.runtime.checkSecret(botId, "gateway", secret))) {
          throw new AppError(401, "invalid_gateway_secret", `${GATEWAY_SECRET_HEADER}: missing or wrong for this bot`);
        }
        const { userRequest, action } = request.body;
        const keys = userKeysOf(request.body);
        const extra = action.clientExtra ?? undefined;
        const blockId = extra ? str(extra[BLOCK_EXTRA_KEY]) : undefined;
        let input: TurnInput;
        if (blockId) {
          const { [BLOCK_EXTRA_KEY]: _drop, ...rest } = extra ?? {};
          input = { type: "action", source: "card", action: "block", blockId, label: userRequest.utterance, extra: rest };
        } else {
          input = { type: "text", text: userRequest.utterance };
        }
        const outcome = await conversations.turn({
          botId,
          surface: "channel",
          userKey: `kakao:${keys.botUserKey}`,
          input,
          user: {
            botUserKey: keys.botUserKey,
            ...(keys.plusfriendUserKey ? { plusfriendUserKey: keys.plusfriendUserKey } : {}),
            ...(keys.appUserId ? { appUserId: keys.appUserId, appUserStatus: keys.appUserStatus ?? "REGISTERED" } : {}),
            ...(keys.isFriend ? { isFriend: true } : {}),
          },
          ...(userRequest.callbackUrl ? { forwardCallbackUrl: userRequest.callbackUrl } : {}),
        });
        if (outcome.trace.pendingCallback && userRequest.callbackUrl) {
          const waiting = outcome.response.outputs[0];
          return { version: "2.0", useCallback: true, data: { text: waiting && "simpleText" in waiting ? waiting.simpleText.text : "" } };
        }
        const template = toPlatformResponse(outcome.response);
        const outputs = outcome.response.outputs.length > 0 ? template : { outputs: [{ simpleText: { text: " " } }], quickReplies: [] };
        return { version: "2.0", template: outputs };
      },
    );

    app.post(
      "/api/v1/bots/:botId/gateway/secret",
      {
        schema: {
          tags: ["gateway"],
          summary: "Create (or replace) the gateway secret; shown once",
          params: z.object({ botId: z.string() }),
        },
        preHandler: requireAuth(store),
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const bot = await authorizeBot(store, actor, request.params.botId, "bot:deploy");
        const secret = await store.runtime.rotateSecret(bot.id, "gateway");
        await store.activity.audit({
          workspaceId: bot.workspaceId,
          actor: actorLabel(actor),
          action: "gateway.secret.rotate",
          target: bot.id,
        });
        return reply
          .status(201)
          .send({ header: GATEWAY_SECRET_HEADER, secret, url: `${ctx.config.publicUrl}/kakao/v2/bots/${bot.id}/skill` });
      },
    );

    app.get(
      "/api/v1/bots/:botId/gateway",
      {
        schema: { tags: ["gateway"], summary: "Whether the gateway is enabled, and its URL", params: z.object({ botId: z.string() }) },
        preHandler: requireAuth(store),
      },
      async (request) => {
        const bot = await authorizeBot(store, actorOf(request), request.params.botId, "bot:read");
        return {
          enabled: await store.runtime.hasSecret(bot.id, "gateway"),
          header: GATEWAY_SECRET_HEADER,
          url: `${ctx.config.publicUrl}/kakao/v2/bots/${bot.id}/skill`,
        };
      },
    );

    app.delete(
      "/api/v1/bots/:botId/gateway/secret",
      {
        schema: { tags: ["gateway"], summary: "Turn the gateway off", params: z.object({ botId: z.string() }) },
        preHandler: requireAuth(store),
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const bot = await authorizeBot(store, actor, request.params.botId, "bot:deploy");
        await store.runtime.deleteSecret(bot.id, "gateway");
        await store.activity.audit({
          workspaceId: bot.workspaceId,
          actor: actorLabel(actor),
          action: "gateway.secret.delete",
          target: bot.id,
        });
        return reply.status(204).send();
      },
    );
  };
}
