// One bounded JSON POST to a skill server: a single deadline over connect + headers + body, a body
// size cap, the outbound address policy, and no retries (a skill call is not idempotent).
// Every failure is returned as a reason, never thrown, so one bad skill cannot crash a conversation.
import { randomUUID } from "node:crypto";
import { isIP } from "node:net";
import type { Readable } from "node:stream";
import { Agent, type Dispatcher, request } from "undici";
import { ADDRESS_BLOCKED_CODE, createPolicyLookup, isAddressAllowed } from "./address-policy.js";
import { SIGNATURE_HEADER, signatureHeaderValue } from "./signature.js";

export type TransportFault =
  | "bad_url"
  | "address_blocked"
  | "dns"
  | "connection_refused"
  | "connection_error"
  | "tls"
  | "timeout"
  | "aborted"
  | "http_status"
  | "too_large";

export type PostOptions = {
  timeoutMs: number;
  maxBodyBytes: number;
  allowPrivateNetworks: boolean;
  /** HMAC-SHA256 key for the X-Botcenter-Signature header; no header when absent. */
  signingSecret?: string;
  /** Unix seconds for the signature; defaults to the wall clock. */
  nowSeconds?: () => number;
  requestId?: string;
  signal?: AbortSignal;
  /** Overrides the shared keep-alive agent (tests, benchmarks). */
  dispatcher?: Dispatcher;
};

export type PostResult =
  | { ok: true; status: number; text: string; latencyMs: number; requestId: string }
  | {
      ok: false;
      reason: TransportFault;
      detail: string;
      latencyMs: number;
      requestId: string;
      status?: number;
      /** First bytes of the response body, for the error log. */
      bodySnippet?: string;
    };

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const SNIPPET_CHARS = 500;

// One pooled agent per address policy, shared by all skill calls of the process.
const agents = new Map<boolean, Agent>();

export function sharedSkillAgent(allowPrivateNetworks: boolean): Agent {
  let agent = agents.get(allowPrivateNetworks);
  if (agent === undefined) {
    agent = new Agent({
      keepAliveTimeout: 10_000,
      keepAliveMaxTimeout: 60_000,
      connect: { lookup: createPolicyLookup(allowPrivateNetworks) },
    });
    agents.set(allowPrivateNetworks, agent);
  }
  return agent;
}

/** Closes the shared agents (graceful shutdown, end of tests). */
export async function closeSkillAgents(): Promise<void> {
  const all = [...agents.values()];
  agents.clear();
  await Promise.all(all.map((a) => a.close()));
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

/** Collects error codes along the cause chain and inside AggregateErrors (happy-eyeballs). */
function errorCodes(err: unknown, out: Set<string> = new Set(), depth = 0): Set<string> {
  if (depth > 5 || typeof err !== "object" || err === null) return out;
  if ("code" in err && typeof err.code === "string") out.add(err.code);
  if ("cause" in err) errorCodes(err.cause, out, depth + 1);
  if ("errors" in err && Array.isArray(err.errors)) for (const e of err.errors) errorCodes(e, out, depth + 1);
  return out;
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? ` (${err.cause.message})` : "";
    return `${err.message}${cause}`;
  }
  return String(err);
}

function classify(err: unknown): TransportFault {
  const codes = errorCodes(err);
  if (codes.has(ADDRESS_BLOCKED_CODE)) return "address_blocked";
  if (["ENOTFOUND", "EAI_AGAIN", "EAI_NODATA", "EAI_FAIL", "EAI_NONAME"].some((c) => codes.has(c))) return "dns";
  if (codes.has("ECONNREFUSED")) return "connection_refused";
  if (["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT"].some((c) => codes.has(c)))
    return "timeout";
  if ([...codes].some((c) => c.startsWith("ERR_TLS") || c.startsWith("ERR_SSL") || c.includes("CERT"))) return "tls";
  return "connection_error";
}

// Headers a skill's configuration must not set: they belong to the transport or to the protocol.
const RESERVED_HEADERS = new Set([
  "host",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "upgrade",
  "expect",
  "te",
  "trailer",
  "content-type",
  "accept",
  "x-request-id",
  "x-botcenter-signature",
]);

/** Lower-cases names (so ours win without duplicates) and drops reserved ones. */
function customHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.trim().toLowerCase();
    if (key !== "" && !RESERVED_HEADERS.has(key)) out[key] = value;
  }
  return out;
}

/**
 * Reads a body up to `max` bytes; null when it is larger (the stream is destroyed). Event-based rather
 * than `for await`, which costs extra promise turns per chunk on the hot path.
 */
function readCapped(body: Readable, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on("data", (chunk: Buffer | string) => {
      const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += buf.length;
      if (size > max) {
        body.destroy();
        resolve(null);
        return;
      }
      chunks.push(buf);
    });
    body.once("end", () => resolve(Buffer.concat(chunks, size).toString("utf8")));
    body.once("error", reject);
  });
}

export async function postJson(url: string, headers: Record<string, string>, body: string, opts: PostOptions): Promise<PostResult> {
  const started = performance.now();
  const requestId = opts.requestId ?? randomUUID();
  const fail = (reason: TransportFault, detail: string, extra: { status?: number; bodySnippet?: string } = {}) => ({
    ok: false as const,
    reason,
    detail,
    latencyMs: elapsed(started),
    requestId,
    ...extra,
  });

  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return fail("bad_url", `not a valid URL: ${url}`);
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    return fail("bad_url", `unsupported protocol ${target.protocol}`);
  }
  // IP literals skip DNS lookup in net.connect, so the policy is applied here for them.
  const host = target.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) !== 0 && !isAddressAllowed(host, opts.allowPrivateNetworks)) {
    return fail("address_blocked", `${host} is a refused address`);
  }

  const finalHeaders: Record<string, string> = {
    ...customHeaders(headers),
    "content-type": "application/json;charset=UTF-8",
    accept: "application/json",
    "x-request-id": requestId,
  };
  if (opts.signingSecret !== undefined && opts.signingSecret !== "") {
    const t = opts.nowSeconds?.() ?? Math.floor(Date.now() / 1000);
    finalHeaders[SIGNATURE_HEADER.toLowerCase()] = signatureHeaderValue(opts.signingSecret, t, body);
  }

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs);
  const onAbort = () => controller.abort();
  opts.signal?.addEventListener("abort", onAbort, { once: true });

  try {
    if (opts.signal?.aborted === true) return fail("aborted", "aborted before sending");
    const res = await request(target, {
      method: "POST",
      headers: finalHeaders,
      body,
      signal: controller.signal,
      dispatcher: opts.dispatcher ?? sharedSkillAgent(opts.allowPrivateNetworks),
    });
    const declared = Number(res.headers["content-length"]);
    if (Number.isFinite(declared) && declared > opts.maxBodyBytes) {
      res.body.destroy();
      return fail("too_large", `content-length ${declared} exceeds ${opts.maxBodyBytes} bytes`, {
        status: res.statusCode,
      });
    }
    const text = await readCapped(res.body, opts.maxBodyBytes);
    if (text === null) return fail("too_large", `body exceeds ${opts.maxBodyBytes} bytes`, { status: res.statusCode });
    if (res.statusCode !== 200) {
      return fail("http_status", `HTTP ${res.statusCode}`, {
        status: res.statusCode,
        bodySnippet: text.slice(0, SNIPPET_CHARS),
      });
    }
    return { ok: true, status: res.statusCode, text, latencyMs: elapsed(started), requestId };
  } catch (err) {
    if (timedOut) return fail("timeout", `no complete answer within ${opts.timeoutMs} ms`);
    if (opts.signal?.aborted === true) return fail("aborted", "aborted by caller");
    return fail(classify(err), errorMessage(err));
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener("abort", onAbort);
  }
}
