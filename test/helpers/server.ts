/**
 * A real botcenter server on a loopback port for API tests, with an owner account signed in.
 * Requests go over real HTTP with fetch.
 */
import { createServer } from "node:net";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "../../src/config/config.js";
import { createLogger } from "../../src/logger.js";
import { type BuildServerOptions, buildServer } from "../../src/server/app.js";
import { createOwner } from "../../src/services/bootstrap.js";
import { openStore, type Store } from "../../src/store/store.js";
import { createTestDatabase, type TestDatabase } from "./databases.js";

export const OWNER = { email: "owner@example.com", password: "owner-password-1", name: "Owner" };

export interface Session {
  cookie: string;
  csrf: string;
}

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  baseUrl: string;
  database: TestDatabase;
  workspaceId: string;
  owner: Session;
  close(): Promise<void>;
}

/** Extra options for buildServer, e.g. `webRoot` (the built admin center) or `chatRoot`. */
export type ServerExtras = Partial<Omit<BuildServerOptions, "config" | "store" | "logger">>;

export async function startTestServer(
  dialect: "sqlite" | "postgres" = "sqlite",
  env: Record<string, string> = {},
  extras: ServerExtras = {},
): Promise<TestServer> {
  const database = await createTestDatabase(dialect);
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    BOTCENTER_PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: database.url,
    LOG_LEVEL: "silent",
    ...env,
  });
  const store = await openStore(config.databaseUrl);
  const { workspace } = await createOwner(store, OWNER);
  const app = await buildServer({ config, store, logger: createLogger(config.logLevel), ...extras });
  await app.listen({ port, host: "127.0.0.1" });
  const baseUrl = `http://127.0.0.1:${port}`;
  const owner = await login(baseUrl, OWNER.email, OWNER.password);
  return {
    app,
    store,
    baseUrl,
    database,
    workspaceId: workspace.id,
    owner,
    close: async () => {
      await app.close();
      await store.close();
      await database.drop();
    },
  };
}

/** A port that was free a moment ago (the server needs to know its own URL before it listens). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function login(baseUrl: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0] ?? "";
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

export interface ApiResponse {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

/** Calls the API as a session (with CSRF on writes), a bearer token, or anonymously. */
export async function api(
  baseUrl: string,
  method: string,
  path: string,
  options: { session?: Session; token?: string; body?: unknown; csrf?: boolean } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.session) {
    headers.cookie = options.session.cookie;
    if (options.csrf !== false && method !== "GET") headers["x-csrf-token"] = options.session.csrf;
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (e.g. a YAML export); keep the text
  }
  return { status: res.status, body, text, headers: res.headers };
}
