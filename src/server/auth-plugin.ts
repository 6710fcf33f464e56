/**
 * Authentication for the admin API: a session cookie (httpOnly, SameSite=Lax) for the admin center,
 * or `Authorization: Bearer bct_...` for automation. Cookie-authenticated writes must carry the
 * session's CSRF token in `X-CSRF-Token`; token requests need none (browsers never send them by themselves).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../services/actor.js";
import { AppError, unauthorized } from "../services/errors.js";
import { API_TOKEN_PREFIX } from "../store/auth-repo.js";
import type { Store } from "../store/store.js";

export const SESSION_COOKIE = "botcenter_session";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    actor?: Actor;
    sessionCookie?: string;
    csrfToken?: string;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Resolves the caller; returns undefined when the request carries no valid credentials. */
export async function resolveActor(store: Store, request: FastifyRequest): Promise<Actor | undefined> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]?.startsWith(API_TOKEN_PREFIX)) throw unauthorized("Authorization: expected 'Bearer bct_...'");
    const token = await store.auth.findApiToken(match[1]);
    if (!token) throw unauthorized("Authorization: the API token is unknown or revoked");
    return { kind: "token", tokenId: token.id, workspaceId: token.workspaceId, role: token.role, createdBy: token.createdBy };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return undefined;
  const session = await store.auth.findSession(cookie);
  if (!session) return undefined;
  const user = await store.accounts.findUserById(session.userId);
  if (!user) return undefined;
  request.sessionCookie = cookie;
  request.csrfToken = session.csrfToken;
  return { kind: "user", userId: user.id, email: user.email, name: user.name };
}

/** preHandler for admin routes: requires an actor and, for cookie writes, the CSRF header. */
export function requireAuth(store: Store) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const actor = await resolveActor(store, request);
    if (!actor) throw unauthorized();
    if (actor.kind === "user" && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || sent !== request.csrfToken) {
        throw new AppError(403, "csrf_failed", `${CSRF_HEADER}: missing or wrong CSRF token (read it from GET /api/v1/auth/me)`);
      }
    }
    request.actor = actor;
  };
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}
