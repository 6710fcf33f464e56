import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";
import type { ServerContext } from "../context.js";

/** Liveness (the process answers) and readiness (the database answers too). */
export function healthRoutes(ctx: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));
    app.get("/readyz", { schema: { hide: true } }, async (_request, reply) => {
      try {
        await sql`select 1`.execute(ctx.store.connection.db);
        return { status: "ready", database: ctx.store.connection.dialect };
      } catch (error) {
        return reply
          .status(503)
          .send({ error: { code: "not_ready", message: `database: ${error instanceof Error ? error.message : "unreachable"}` } });
      }
    });
  };
}
