/**
 * The error vocabulary of botcenter. Every failure a caller can act on is an AppError with a stable
 * `code`, an HTTP status and a message that names the field and the rule. The server maps them to
 * `{ "error": { "code", "message", "path"? } }`; the CLI prints the message.
 */
export interface ErrorDetail {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (code: string, message: string, path?: string, details?: ErrorDetail[]) =>
  new AppError(400, code, message, path, details);
export const validationFailed = (details: ErrorDetail[], summary = "the request is not valid") =>
  new AppError(
    400,
    "validation_failed",
    details.length > 0
      ? `${details[0]?.path ? `${details[0].path}: ` : ""}${details[0]?.message}${details.length > 1 ? ` (and ${details.length - 1} more)` : ""}`
      : summary,
    details[0]?.path,
    details,
  );
export const unauthorized = (message = "sign in first, or send an API token") => new AppError(401, "unauthorized", message);
export const forbidden = (message: string) => new AppError(403, "forbidden", message);
export const notFound = (what: string) => new AppError(404, "not_found", `${what} not found`);
export const conflict = (code: string, message: string, path?: string) => new AppError(409, code, message, path);
export const tooManyRequests = (message: string) => new AppError(429, "rate_limited", message);
