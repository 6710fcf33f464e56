/** Invitation links: an admin invites by email and role; the link creates the account once. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { api, login, startTestServer, type TestServer } from "../helpers/server.js";

describe("invitations", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => server.close());

  const invite = (body: unknown, session = server.owner) =>
    api(server.baseUrl, "POST", `/api/v1/workspaces/${server.workspaceId}/invitations`, { session, body });

  test("a new person accepts once, gets the invited role and is signed in; the link cannot be reused", async () => {
    const res = await invite({ email: "New.Person@example.com", role: "editor" });
    assert.equal(res.status, 201, res.text);
    const { token, link } = res.body as { token: string; link: string };
    assert.ok(link.endsWith(`/invite?token=${token}`));
    const pending = await api(server.baseUrl, "GET", `/api/v1/workspaces/${server.workspaceId}/invitations`, { session: server.owner });
    assert.equal((pending.body as { invitations: unknown[] }).invitations.length, 1);

    const info = await api(server.baseUrl, "GET", `/api/v1/invitations/${token}`);
    assert.deepEqual(
      { ...(info.body as Record<string, unknown>), expiresAt: undefined },
      { email: "new.person@example.com", role: "editor", workspaceName: "기본 워크스페이스", hasAccount: false, expiresAt: undefined },
    );
    const weak = await api(server.baseUrl, "POST", "/api/v1/invitations/accept", { body: { token, name: "새 사람", password: "short" } });
    assert.equal(weak.status, 400);
    const accepted = await api(server.baseUrl, "POST", "/api/v1/invitations/accept", {
      body: { token, name: "새 사람", password: "new-person-password" },
    });
    assert.equal(accepted.status, 201, accepted.text);
    assert.match(accepted.headers.get("set-cookie") ?? "", /botcenter_session=/);
    const again = await api(server.baseUrl, "POST", "/api/v1/invitations/accept", {
      body: { token, name: "x", password: "another-password-1" },
    });
    assert.equal(again.status, 400);
    const session = await login(server.baseUrl, "new.person@example.com", "new-person-password");
    const members = await api(server.baseUrl, "GET", `/api/v1/workspaces/${server.workspaceId}/members`, { session });
    assert.ok(
      (members.body as { members: Array<{ email: string; role: string }> }).members.some(
        (m) => m.email === "new.person@example.com" && m.role === "editor",
      ),
    );
  });

  test("an editor cannot invite, and an admin cannot invite an owner", async () => {
    const editor = await login(server.baseUrl, "new.person@example.com", "new-person-password");
    assert.equal((await invite({ email: "x@example.com", role: "viewer" }, editor)).status, 403);
    await api(server.baseUrl, "POST", `/api/v1/workspaces/${server.workspaceId}/members`, {
      session: server.owner,
      body: { email: "admin@example.com", role: "admin", password: "admin-password-1" },
    });
    const admin = await login(server.baseUrl, "admin@example.com", "admin-password-1");
    assert.equal((await invite({ email: "boss@example.com", role: "owner" }, admin)).status, 403);
    assert.equal((await invite({ email: "viewer@example.com", role: "viewer" }, admin)).status, 201);
  });

  test("an existing account joins with its own password; a withdrawn invitation stops working", async () => {
    const res = await invite({ email: "admin@example.com", role: "viewer" });
    assert.equal(res.status, 409, "already a member");
    const other = await invite({ email: "withdrawn@example.com", role: "viewer" });
    const { id, token } = other.body as { id: string; token: string };
    assert.equal(
      (await api(server.baseUrl, "DELETE", `/api/v1/workspaces/${server.workspaceId}/invitations/${id}`, { session: server.owner })).status,
      204,
    );
    assert.equal((await api(server.baseUrl, "GET", `/api/v1/invitations/${token}`)).status, 404);
  });
});
