/** Workspaces, their members and roles, API tokens and the audit log. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorLabel, roleOf } from "../../services/actor.js";
import { authorizeWorkspace } from "../../services/bots.js";
import { AppError, badRequest, conflict, forbidden, notFound } from "../../services/errors.js";
import { hashPassword, PASSWORD_MIN_LENGTH } from "../../services/passwords.js";
import { ROLES, roleAtLeast } from "../../services/roles.js";
import type { Role } from "../../store/schema.js";
import { actorOf, requireAuth } from "../auth-plugin.js";
import type { ServerContext } from "../context.js";

const roleSchema = z.enum(["owner", "admin", "editor", "viewer"], { error: `must be one of ${ROLES.join(", ")}` });
const wsParams = z.object({ workspaceId: z.string().min(1) });

export function workspaceRoutes(ctx: ServerContext): FastifyPluginAsyncZod {
  const { store } = ctx;
  return async (app) => {
    app.addHook("preHandler", requireAuth(store));

    app.get("/workspaces", { schema: { tags: ["workspaces"], summary: "Workspaces you belong to, with your role" } }, async (request) => {
      const actor = actorOf(request);
      if (actor.kind === "token") {
        return { workspaces: [{ id: actor.workspaceId, role: actor.role }] };
      }
      if (actor.kind === "system") return { workspaces: [] };
      const list = await store.accounts.membershipsOf(actor.userId);
      return { workspaces: list.map((m) => ({ id: m.workspaceId, name: m.workspaceName, role: m.role })) };
    });

    app.get(
      "/workspaces/:workspaceId/members",
      { schema: { tags: ["workspaces"], summary: "Members and roles", params: wsParams } },
      async (request) => {
        await authorizeWorkspace(store, actorOf(request), request.params.workspaceId, "member:read");
        return { members: await store.accounts.members(request.params.workspaceId) };
      },
    );

    app.post(
      "/workspaces/:workspaceId/members",
      {
        schema: {
          tags: ["workspaces"],
          summary: "Add a member (creates the account when the email is new; then a password is required)",
          params: wsParams,
          body: z.object({
            email: z.email({ error: "must be an email address" }),
            role: roleSchema,
            name: z.string().trim().min(1).max(100).optional(),
            password: z.string().min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`).max(200).optional(),
          }),
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { workspaceId } = request.params;
        await authorizeWorkspace(store, actor, workspaceId, "member:manage");
        await assertCanGrant(actor, workspaceId, request.body.role);
        let user = await store.accounts.findUserByEmail(request.body.email);
        if (!user) {
          if (!request.body.password) throw badRequest("password_required", "password: required for a new account", "body.password");
          user = await store.accounts.createUser({
            email: request.body.email,
            name: request.body.name ?? request.body.email.split("@")[0] ?? request.body.email,
            passwordHash: await hashPassword(request.body.password),
          });
        }
        if (await store.accounts.roleIn(workspaceId, user.id))
          throw conflict("already_member", `email: ${user.email} is already a member`, "body.email");
        await store.accounts.addMember(workspaceId, user.id, request.body.role);
        await store.activity.audit({
          workspaceId,
          actor: actorLabel(actor),
          action: "member.add",
          target: user.id,
          detail: { role: request.body.role },
        });
        return reply.status(201).send({ userId: user.id, email: user.email, name: user.name, role: request.body.role });
      },
    );

    app.patch(
      "/workspaces/:workspaceId/members/:userId",
      {
        schema: {
          tags: ["workspaces"],
          summary: "Change a member's role",
          params: wsParams.extend({ userId: z.string() }),
          body: z.object({ role: roleSchema }),
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { workspaceId, userId } = request.params;
        await authorizeWorkspace(store, actor, workspaceId, "member:manage");
        const current = await store.accounts.roleIn(workspaceId, userId);
        if (!current) throw notFound(`member ${userId}`);
        await assertCanGrant(actor, workspaceId, current);
        await assertCanGrant(actor, workspaceId, request.body.role);
        if (current === "owner" && request.body.role !== "owner" && (await store.accounts.countOwners(workspaceId)) <= 1) {
          throw conflict("last_owner", "role: the workspace needs at least one owner", "body.role");
        }
        await store.accounts.setRole(workspaceId, userId, request.body.role);
        await store.activity.audit({
          workspaceId,
          actor: actorLabel(actor),
          action: "member.role",
          target: userId,
          detail: { from: current, to: request.body.role },
        });
        return { userId, role: request.body.role };
      },
    );

    app.delete(
      "/workspaces/:workspaceId/members/:userId",
      { schema: { tags: ["workspaces"], summary: "Remove a member", params: wsParams.extend({ userId: z.string() }) } },
      async (request, reply) => {
        const actor = actorOf(request);
        const { workspaceId, userId } = request.params;
        await authorizeWorkspace(store, actor, workspaceId, "member:manage");
        const current = await store.accounts.roleIn(workspaceId, userId);
        if (!current) throw notFound(`member ${userId}`);
        await assertCanGrant(actor, workspaceId, current);
        if (current === "owner" && (await store.accounts.countOwners(workspaceId)) <= 1) {
          throw conflict("last_owner", "the workspace needs at least one owner");
        }
        await store.accounts.removeMember(workspaceId, userId);
        await store.activity.audit({ workspaceId, actor: actorLabel(actor), action: "member.remove", target: userId });
        return reply.status(204).send();
      },
    );

    app.get(
      "/workspaces/:workspaceId/invitations",
      { schema: { tags: ["workspaces"], summary: "Pending invitations", params: wsParams } },
      async (request) => {
        await authorizeWorkspace(store, actorOf(request), request.params.workspaceId, "member:manage");
        return { invitations: await store.accounts.pendingInvitations(request.params.workspaceId) };
      },
    );

    app.post(
      "/workspaces/:workspaceId/invitations",
      {
        schema: {
          tags: ["workspaces"],
          summary: "Invite someone by email with a role; returns a one-time link (valid 7 days) to send them",
          params: wsParams,
          body: z.object({ email: z.email({ error: "must be an email address" }), role: roleSchema }),
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { workspaceId } = request.params;
        await authorizeWorkspace(store, actor, workspaceId, "member:manage");
        await assertCanGrant(actor, workspaceId, request.body.role);
        const existing = await store.accounts.findUserByEmail(request.body.email);
        if (existing && (await store.accounts.roleIn(workspaceId, existing.id))) {
          throw conflict("already_member", `email: ${existing.email} is already a member`, "body.email");
        }
        const invitedBy = actor.kind === "user" ? actor.userId : actorLabel(actor);
        const { token, invitation } = await store.accounts.createInvitation({
          workspaceId,
          email: request.body.email,
          role: request.body.role,
          invitedBy,
          days: 7,
        });
        await store.activity.audit({
          workspaceId,
          actor: actorLabel(actor),
          action: "member.invite",
          target: invitation.email,
          detail: { role: invitation.role },
        });
        return reply.status(201).send({ ...invitation, token, link: `${ctx.config.publicUrl}/invite?token=${token}` });
      },
    );

    app.delete(
      "/workspaces/:workspaceId/invitations/:invitationId",
      { schema: { tags: ["workspaces"], summary: "Withdraw an invitation", params: wsParams.extend({ invitationId: z.string() }) } },
      async (request, reply) => {
        const actor = actorOf(request);
        await authorizeWorkspace(store, actor, request.params.workspaceId, "member:manage");
        if (!(await store.accounts.deleteInvitation(request.params.workspaceId, request.params.invitationId))) {
          throw notFound(`invitation ${request.params.invitationId}`);
        }
        return reply.status(204).send();
      },
    );

    app.get(
      "/workspaces/:workspaceId/tokens",
      { schema: { tags: ["workspaces"], summary: "API tokens (never their secret)", params: wsParams } },
      async (request) => {
        await authorizeWorkspace(store, actorOf(request), request.params.workspaceId, "token:manage");
        return { tokens: await store.auth.listApiTokens(request.params.workspaceId) };
      },
    );

    app.post(
      "/workspaces/:workspaceId/tokens",
      {
        schema: {
          tags: ["workspaces"],
          summary: "Create an API token; the token is shown once in this response",
          params: wsParams,
          body: z.object({ name: z.string().trim().min(1).max(100), role: roleSchema.default("editor") }),
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { workspaceId } = request.params;
        await authorizeWorkspace(store, actor, workspaceId, "token:manage");
        await assertCanGrant(actor, workspaceId, request.body.role);
        const createdBy = actor.kind === "user" ? actor.userId : actor.kind === "token" ? actor.createdBy : actor.label;
        const { token, record } = await store.auth.createApiToken({
          workspaceId,
          createdBy,
          name: request.body.name,
          role: request.body.role,
        });
        await store.activity.audit({
          workspaceId,
          actor: actorLabel(actor),
          action: "token.create",
          target: record.id,
          detail: { role: record.role, name: record.name },
        });
        return reply.status(201).send({ token, ...record });
      },
    );

    app.delete(
      "/workspaces/:workspaceId/tokens/:tokenId",
      { schema: { tags: ["workspaces"], summary: "Revoke an API token", params: wsParams.extend({ tokenId: z.string() }) } },
      async (request, reply) => {
        const actor = actorOf(request);
        await authorizeWorkspace(store, actor, request.params.workspaceId, "token:manage");
        if (!(await store.auth.revokeApiToken(request.params.workspaceId, request.params.tokenId)))
          throw notFound(`token ${request.params.tokenId}`);
        await store.activity.audit({
          workspaceId: request.params.workspaceId,
          actor: actorLabel(actor),
          action: "token.revoke",
          target: request.params.tokenId,
        });
        return reply.status(204).send();
      },
    );

    app.get(
      "/workspaces/:workspaceId/audit",
      {
        schema: {
          tags: ["workspaces"],
          summary: "Who changed what, newest first",
          params: wsParams,
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        },
      },
      async (request) => {
        await authorizeWorkspace(store, actorOf(request), request.params.workspaceId, "audit:read");
        return { entries: await store.activity.auditLog(request.params.workspaceId, request.query.limit) };
      },
    );
  };

  /** Nobody hands out (or takes away) a role above their own. */
  async function assertCanGrant(actor: ReturnType<typeof actorOf>, workspaceId: string, role: Role): Promise<void> {
    const own = await roleOf(store, actor, workspaceId);
    if (!own) throw new AppError(404, "not_found", `workspace ${workspaceId} not found`);
    if (!roleAtLeast(own, role)) throw forbidden(`role: you are ${own} and cannot grant or change the ${role} role`);
  }
}
