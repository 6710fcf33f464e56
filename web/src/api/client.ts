/**
 * fetch wrapper for the admin API: JSON in and out, the CSRF header on every write, and errors
 * turned into ApiError carrying the server's `{error:{code,message,path,details}}`.
 */

export interface ErrorDetail {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly path: string | undefined;
  readonly details: ErrorDetail[];

  constructor(status: number, code: string, message: string, path?: string, details: ErrorDetail[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.path = path;
    this.details = details;
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readDetails(value: unknown): ErrorDetail[] {
  if (!Array.isArray(value)) return [];
  const out: ErrorDetail[] = [];
  for (const item of value) {
    if (!isRecord(item)) continue;
    const detail: ErrorDetail = { path: String(item.path ?? ""), message: String(item.message ?? "") };
    if (typeof item.line === "number") detail.line = item.line;
    if (typeof item.column === "number") detail.column = item.column;
    out.push(detail);
  }
  return out;
}

function toApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (!error) return new ApiError(status, "http_error", `HTTP ${status}`);
  return new ApiError(
    status,
    typeof error.code === "string" ? error.code : "error",
    typeof error.message === "string" ? error.message : `HTTP ${status}`,
    typeof error.path === "string" ? error.path : undefined,
    readDetails(error.details),
  );
}

/** Parses the answer as JSON; `T` is the caller's statement of the route's documented shape. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network", "network error");
  }
  const text = await res.text();
  if (!res.ok) throw toApiError(res.status, parseJson(text));
  // The route's documented shape is the caller's `T` (JSON.parse is untyped by nature).
  const data: T = JSON.parse(text === "" ? "null" : text);
  return data;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Raw text answers (bot export). */
export async function requestText(path: string): Promise<string> {
  const res = await fetch(`/api/v1${path}`, { credentials: "same-origin" });
  const text = await res.text();
  if (!res.ok) throw toApiError(res.status, parseJson(text));
  return text;
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, body),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  del: <T>(path: string) => request<T>("DELETE", path),
};
