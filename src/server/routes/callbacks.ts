/**
 * `POST /callbacks/:token`: where a skill that answered `useCallback: true` posts its final
 * SkillResponse. Valid once and for one minute. Answers in the platform's style:
 * `{ taskId, status: "SUCCESS" | "FAIL", message, timestamp }`.
 */

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { request as undiciRequest } from "undici";
import { z } from "zod";
import type { ServerContext } from "../context.js";

export function callbackRoutes(ctx: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    // The raw text is judged here so a non-JSON body gets the platform's status, not a parser error.
    app.addContentTypeParser(["application/json", "text/plain"], { parseAs: "string" }, (_request, body, done) => done(null, body));
    app.post(
      "/callbacks/:token",
      {
        schema: {
          tags: ["skills"],
          summary: "Deliver the final answer of a callback block (one-time URL from userRequest.callbackUrl)",
          params: z.object({ token: z.string().min(1).max(200) }),
          body: z.string().max(1024 * 1024),
        },
      },
      async (request, reply) => {
        const timestamp = Math.floor(Date.now() / 1000);
        const outcome = await ctx.conversations.completeCallback(request.params.token, request.body);
        if (outcome.status === "FAIL") {
          return reply
            .status(outcome.httpStatus)
            .send({ taskId: outcome.taskId, status: outcome.replyStatus, message: outcome.message, timestamp });
        }
        if (outcome.forwardUrl) {
          // Behind the real platform: pass the final answer on to its own callback URL.
          const forwardUrl = outcome.forwardUrl;
          const body = JSON.stringify({ version: "2.0", template: outcome.delivery.response });
          void undiciRequest(forwardUrl, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body,
            headersTimeout: 5000,
            bodyTimeout: 5000,
          })
            .then((res) => res.body.dump())
            .catch((error: unknown) => request.log.warn({ err: error }, "forwarding a callback answer to the platform failed"));
        }
        return { taskId: outcome.taskId, status: "SUCCESS", message: "OK", timestamp };
      },
    );
  };
}
