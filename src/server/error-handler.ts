/**
 * One place that turns every failure into `{ "error": { "code", "message", "path"?, "details"? } }`.
 * Unexpected errors are logged with the request id and answered without internals.
 */
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type ErrorDetail } from "../services/errors.js";

export interface ErrorBody {
  error: { code: string; message: string; path?: string; details?: ErrorDetail[]; requestId?: string };
}

function validationPath(context: string | undefined, instancePath: string): string {
  const parts = instancePath
    .split("/")
    .filter((p) => p !== "")
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
    .join("");
  return `${context ?? "body"}${parts}`;
}

/**
 * `spaIndex`: when the admin center is built, unknown GET pages (not /api, not files) get its
 * index.html so client-side routes survive a reload.
 */
export function registerErrorHandling(app: FastifyInstance, spaIndex?: () => string | undefined): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      const body: ErrorBody = { error: { code: error.code, message: error.message } };
      if (error.path !== undefined) body.error.path = error.path;
      if (error.details && error.details.length > 0) body.error.details = error.details;
      return reply.status(error.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = "validationContext" in error && typeof error.validationContext === "string" ? error.validationContext : undefined;
      const details = error.validation.map((v) => ({
        path: validationPath(context, v.instancePath),
        message: v.message ?? "is not valid",
      }));
      const first = details[0];
      return reply.status(400).send({
        error: {
          code: "validation_failed",
          message: first
            ? `${first.path}: ${first.message}${details.length > 1 ? ` (and ${details.length - 1} more)` : ""}`
            : "the request is not valid",
          path: first?.path,
          details,
        },
      } satisfies ErrorBody);
    }
    const status = "statusCode" in error && typeof error.statusCode === "number" ? error.statusCode : 500;
    if (status < 500) {
      const code =
        "code" in error && error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE"
          ? "unsupported_media_type"
          : status === 413
            ? "payload_too_large"
            : "bad_request";
      return reply.status(status).send({ error: { code, message: error.message } } satisfies ErrorBody);
    }
    request.log.error({ err: error }, "request failed");
    return reply.status(500).send({
      error: {
        code: "internal_error",
        message: "something went wrong on our side; the request id helps find it in the log",
        requestId: request.id,
      },
    } satisfies ErrorBody);
  });

  app.setNotFoundHandler((request, reply) => {
    const html =
      request.method === "GET" && !request.url.startsWith("/api/") && !/\.[a-z0-9]+(\?|$)/i.test(request.url) ? spaIndex?.() : undefined;
    if (html !== undefined) return reply.type("text/html; charset=utf-8").send(html);
    reply
      .status(404)
      .send({ error: { code: "not_found", message: `no route for ${request.method} ${request.url.split("?")[0]}` } } satisfies ErrorBody);
  });
}
