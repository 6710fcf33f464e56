/** Setup of the first owner, login, logout, the current user and password change. */
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createOwner } from "../../services/bootstrap.js";
import { AppError, tooManyRequests, unauthorized } from "../../services/errors.js";
import { hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from "../../services/passwords.js";
import { actorOf, requireAuth, SESSION_COOKIE } from "../auth-plugin.js";
import type { ServerContext } from "../context.js";

const email = z.email({ error: "must be an email address" }).max(200);
const password = z.string().min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`).max(200, "at most 200 characters");

export function authRoutes(ctx: ServerContext): FastifyPluginAsyncZod {
  const { store, config, loginLimiter } = ctx;

  async function startSession(reply: FastifyReply, userId: string) {
    const session = await store.auth.createSession(userId, config.sessionHours);
    reply.setCookie(SESSION_COOKIE, session.cookie, {
      httpOnly: true,
      sameSite: "lax",
      secure: config.secureCookies,
      path: "/",
      expires: new Date(session.expiresAt),
    });
    return session;
  }

  async function describe(userId: string) {
    const user = await store.accounts.findUserById(userId);
    if (!user) throw unauthorized();
    const workspaces = await store.accounts.membershipsOf(userId);
    return {
      user: { id: user.id, email: user.email, name: user.name },
      workspaces: workspaces.map((w) => ({ id: w.workspaceId, name: w.workspaceName, role: w.role })),
    };
  }

  return async (app) => {
    app.get("/setup", { schema: { tags: ["auth"], summary: "Whether botcenter still needs its first owner" } }, async () => ({
      needsSetup: (await store.accounts.countUsers()) === 0,
    }));

    app.post(
      "/setup",
      {
        schema: {
          tags: ["auth"],
          summary: "Create the first owner with the one-time setup link's token",
          body: z.object({ token: z.string().min(1), email, name: z.string().trim().min(1).max(100), password }),
        },
      },
      async (request, reply) => {
        const { user } = await createOwner(store, { ...request.body, setupToken: request.body.token });
        const session = await startSession(reply, user.id);
        return reply.status(201).send({ ...(await describe(user.id)), csrfToken: session.csrfToken });
      },
    );

    app.get(
      "/invitations/:token",
      {
        schema: {
          tags: ["auth"],
          summary: "What an invitation link is for (workspace, email, role)",
          params: z.object({ token: z.string().min(1).max(200) }),
        },
      },
      async (request) => {
        const invitation = await store.accounts.findInvitation(request.params.token);
        if (!invitation) throw new AppError(404, "invalid_invitation", "token: the invitation is unknown, used or expired");
        const hasAccount = (await store.accounts.findUserByEmail(invitation.email)) !== undefined;
        return {
          email: invitation.email,
          role: invitation.role,
          workspaceName: invitation.workspaceName,
          expiresAt: invitation.expiresAt,
          hasAccount,
        };
      },
    );

    app.post(
      "/invitations/accept",
      {
        schema: {
          tags: ["auth"],
          summary: "Accept an invitation: creates the account (name, password) or, for an existing account, checks its password; signs in",
          body: z.object({
            token: z.string().min(1).max(200),
            name: z.string().trim().min(1).max(100).optional(),
            password: z.string().min(1).max(200),
          }),
        },
      },
      async (request, reply) => {
        const invitation = await store.accounts.findInvitation(request.body.token);
        if (!invitation) throw new AppError(400, "invalid_invitation", "token: the invitation is unknown, used or expired", "body.token");
        let user = await store.accounts.findUserByEmail(invitation.email);
        if (user) {
          if (!(await verifyPassword(request.body.password, user.passwordHash))) {
            throw new AppError(
              401,
              "invalid_credentials",
              `password: wrong password for the existing account ${invitation.email}`,
              "body.password",
            );
          }
        } else if (request.body.password.length < PASSWORD_MIN_LENGTH) {
          throw new AppError(400, "weak_password", `password: at least ${PASSWORD_MIN_LENGTH} characters`, "body.password");
        }
        const passwordHash = user ? undefined : await hashPassword(request.body.password);
        const accepted = await store.connection.db.transaction().execute(async (trx) => {
          if (!(await store.accounts.markInvitationAccepted(invitation.id, trx))) return undefined;
          const member =
            user ??
            (await store.accounts.createUser(
              {
                email: invitation.email,
                name: request.body.name ?? invitation.email.split("@")[0] ?? invitation.email,
                passwordHash: passwordHash ?? "",
              },
              trx,
            ));
          const already = await trx
            .selectFrom("memberships")
            .select("role")
            .where("workspace_id", "=", invitation.workspaceId)
            .where("user_id", "=", member.id)
            .executeTakeFirst();
          if (!already) await store.accounts.addMember(invitation.workspaceId, member.id, invitation.role, trx);
          return member;
        });
        if (!accepted) throw new AppError(409, "invitation_used", "token: this invitation was just used");
        user = accepted;
        await store.activity.audit({
          workspaceId: invitation.workspaceId,
          actor: user.email,
          action: "member.join",
          target: user.id,
          detail: { role: invitation.role },
        });
        const session = await startSession(reply, user.id);
        return reply.status(201).send({ ...(await describe(user.id)), csrfToken: session.csrfToken });
      },
    );

    app.post(
      "/auth/login",
      {
        schema: {
          tags: ["auth"],
          summary: "Sign in with email and password",
          body: z.object({ email, password: z.string().min(1).max(200) }),
        },
      },
      async (request, reply) => {
        const address = request.ip;
        const wait = loginLimiter.retryAfter(request.body.email, address);
        if (wait > 0) {
          reply.header("retry-after", String(wait));
          throw tooManyRequests(`too many failed logins for this email; try again in ${wait} s`);
        }
        const user = await store.accounts.findUserByEmail(request.body.email);
        const ok = user
          ? await verifyPassword(request.body.password, user.passwordHash)
          : await verifyPassword(request.body.password, DUMMY_HASH);
        if (!user || !ok) {
          loginLimiter.fail(request.body.email, address);
          throw new AppError(401, "invalid_credentials", "email or password is wrong");
        }
        loginLimiter.succeed(request.body.email, address);
        const session = await startSession(reply, user.id);
        request.log.info({ userId: user.id }, "signed in");
        return { ...(await describe(user.id)), csrfToken: session.csrfToken };
      },
    );

    app.post(
      "/auth/logout",
      { schema: { tags: ["auth"], summary: "Sign out (ends this session)" }, preHandler: requireAuth(store) },
      async (request, reply) => {
        if (request.sessionCookie) await store.auth.deleteSession(request.sessionCookie);
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return reply.status(204).send();
      },
    );

    app.get(
      "/auth/me",
      { schema: { tags: ["auth"], summary: "The signed-in user, workspaces, roles and CSRF token" }, preHandler: requireAuth(store) },
      async (request) => {
        const actor = actorOf(request);
        if (actor.kind === "token") {
          return { token: { id: actor.tokenId, workspaceId: actor.workspaceId, role: actor.role } };
        }
        if (actor.kind === "system") throw unauthorized();
        return { ...(await describe(actor.userId)), csrfToken: request.csrfToken };
      },
    );

    app.post(
      "/auth/password",
      {
        schema: {
          tags: ["auth"],
          summary: "Change your password (ends your other sessions)",
          body: z.object({ currentPassword: z.string().min(1), newPassword: password }),
        },
        preHandler: requireAuth(store),
      },
      async (request, reply) => {
        const actor = actorOf(request);
        if (actor.kind !== "user") throw new AppError(403, "forbidden", "API tokens cannot change passwords");
        const user = await store.accounts.findUserById(actor.userId);
        if (!user || !(await verifyPassword(request.body.currentPassword, user.passwordHash))) {
          throw new AppError(400, "invalid_credentials", "currentPassword: is wrong", "body.currentPassword");
        }
        await store.accounts.setPassword(user.id, await hashPassword(request.body.newPassword));
        await store.auth.deleteUserSessions(user.id, request.sessionCookie);
        await store.activity.audit({ workspaceId: null, actor: user.email, action: "user.password.change", target: user.id });
        return reply.status(204).send();
      },
    );
  };
}

/** Verifying against a fixed hash when the email is unknown keeps both paths equally slow. */
const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
