/**
 * The role matrix: for every role (as a signed-in member and as an API token), every write it may
 * not do answers 403 and changes nothing; the ones it may do succeed.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { createBotFile } from "../../src/core/bot/defaults.js";
import { createOwner } from "../../src/services/bootstrap.js";
import type { Role } from "../../src/store/schema.js";
import { testDialects } from "../helpers/databases.js";
import { type ApiResponse, api, login, OWNER, type Session, startTestServer, type TestServer } from "../helpers/server.js";

const FIXTURE = readFileSync(new URL("../fixtures/bots/cafe.yaml", import.meta.url), "utf8");
const ROLES: Role[] = ["viewer", "editor", "admin", "owner"];
const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3, owner: 4 };
const PASSWORD = "member-password-1";

interface Caller {
  label: string;
  role: Role;
  session?: Session;
  token?: string;
}

function body(res: ApiResponse): Record<string, unknown> {
  assert.ok(typeof res.body === "object" && res.body !== null, `not JSON: ${res.text}`);
  return res.body as Record<string, unknown>;
}

function errorCode(res: ApiResponse): unknown {
  return (body(res).error as { code?: unknown } | undefined)?.code;
}

for (const dialect of testDialects()) {
  describe(`role matrix (${dialect})`, () => {
    let s: TestServer;
    let ws: string;
    let botId: string;
    let targetUserId: string;
    let spareTokenId: string;
    const callers: Caller[] = [];
    let counter = 0;
    const unique = (prefix: string) => `${prefix}-${++counter}`;

    const call = (c: Caller, method: string, path: string, payload?: unknown) =>
      api(s.baseUrl, method, path, { session: c.session, token: c.token, body: payload });

    /** Everything a forbidden request must leave alone. */
    async function state() {
      const bot = await s.store.bots.get(botId);
      return {
        bots: (await s.store.bots.list(ws)).map((b) => b.id).sort(),
        draftRevision: bot?.draftRevision,
        draft: JSON.stringify(bot?.draft),
        deployedVersion: bot?.deployedVersion,
        versions: (await s.store.bots.versions(botId)).map((v) => v.version),
        members: (await s.store.accounts.members(ws)).map((m) => `${m.email}:${m.role}`).sort(),
        tokens: (await s.store.auth.listApiTokens(ws)).map((t) => `${t.id}:${t.role}`).sort(),
        users: await s.store.accounts.countUsers(),
        audit: (await s.store.activity.auditLog(ws, 500)).length,
      };
    }

    /** The writes (and admin-only reads) of the admin API, with the least role that may do each. */
    function actions(): Array<{ name: string; minimum: Role; run: (c: Caller) => Promise<ApiResponse> }> {
      return [
        { name: "create bot", minimum: "editor", run: (c) => call(c, "POST", "/api/v1/bots", { workspaceId: ws, name: "금지된 봇" }) },
        {
          name: "import bot",
          minimum: "editor",
          run: (c) => call(c, "POST", "/api/v1/bots/import", { workspaceId: ws, content: FIXTURE }),
        },
        {
          name: "import into bot",
          minimum: "editor",
          run: (c) => call(c, "POST", "/api/v1/bots/import", { workspaceId: ws, content: FIXTURE, intoBotId: botId }),
        },
        {
          name: "save draft",
          minimum: "editor",
          run: async (c) => {
            const bot = await s.store.bots.get(botId);
            assert.ok(bot);
            return call(c, "PUT", `/api/v1/bots/${botId}/draft`, {
              revision: bot.draftRevision,
              bot: { ...bot.draft, description: "바꾸려는 설명" },
            });
          },
        },
        { name: "deploy", minimum: "editor", run: (c) => call(c, "POST", `/api/v1/bots/${botId}/deploy`, { note: "금지된 배포" }) },
        { name: "rollback", minimum: "editor", run: (c) => call(c, "POST", `/api/v1/bots/${botId}/rollback`, { version: 1 }) },
        { name: "delete bot", minimum: "admin", run: (c) => call(c, "DELETE", `/api/v1/bots/${botId}`) },
        {
          name: "add member",
          minimum: "admin",
          run: (c) =>
            call(c, "POST", `/api/v1/workspaces/${ws}/members`, {
              email: `${unique("new")}@example.com`,
              role: "viewer",
              password: PASSWORD,
            }),
        },
        {
          name: "change role",
          minimum: "admin",
          run: (c) => call(c, "PATCH", `/api/v1/workspaces/${ws}/members/${targetUserId}`, { role: "editor" }),
        },
        { name: "remove member", minimum: "admin", run: (c) => call(c, "DELETE", `/api/v1/workspaces/${ws}/members/${targetUserId}`) },
        {
          name: "create token",
          minimum: "admin",
          run: (c) => call(c, "POST", `/api/v1/workspaces/${ws}/tokens`, { name: "금지된 토큰", role: "viewer" }),
        },
        { name: "list tokens", minimum: "admin", run: (c) => call(c, "GET", `/api/v1/workspaces/${ws}/tokens`) },
        { name: "revoke token", minimum: "admin", run: (c) => call(c, "DELETE", `/api/v1/workspaces/${ws}/tokens/${spareTokenId}`) },
        { name: "read audit", minimum: "admin", run: (c) => call(c, "GET", `/api/v1/workspaces/${ws}/audit`) },
      ];
    }

    before(async () => {
      s = await startTestServer(dialect);
      ws = s.workspaceId;
      const owner: Caller = { label: "owner (session)", role: "owner", session: s.owner };
      for (const role of ["admin", "editor", "viewer"] as const) {
        const email = `${role}@example.com`;
        const res = await call(owner, "POST", `/api/v1/workspaces/${ws}/members`, { email, role, password: PASSWORD, name: role });
        assert.equal(res.status, 201, res.text);
        callers.push({ label: `${role} (session)`, role, session: await login(s.baseUrl, email, PASSWORD) });
      }
      callers.push(owner);
      for (const role of ROLES) {
        const res = await call(owner, "POST", `/api/v1/workspaces/${ws}/tokens`, { name: `${role} token`, role });
        assert.equal(res.status, 201, res.text);
        const token = body(res).token;
        assert.equal(typeof token, "string");
        callers.push({ label: `${role} (token)`, role, token: String(token) });
      }
      const target = await call(owner, "POST", `/api/v1/workspaces/${ws}/members`, {
        email: "target@example.com",
        role: "viewer",
        password: PASSWORD,
      });
      targetUserId = String(body(target).userId);
      spareTokenId = String(body(await call(owner, "POST", `/api/v1/workspaces/${ws}/tokens`, { name: "spare", role: "viewer" })).id);

      const imported = await call(owner, "POST", "/api/v1/bots/import", { workspaceId: ws, content: FIXTURE });
      assert.equal(imported.status, 201, imported.text);
      botId = String(body(imported).id);
      assert.equal((await call(owner, "POST", `/api/v1/bots/${botId}/deploy`, { note: "v1" })).status, 201);
      assert.equal((await call(owner, "POST", `/api/v1/bots/${botId}/deploy`, { note: "v2" })).status, 201);
    });

    after(async () => {
      await s.close();
    });

    test("the last owner can be neither demoted nor removed", async () => {
      const me = (await s.store.accounts.findUserByEmail(OWNER.email))?.id;
      assert.ok(me);
      const owners = callers.filter((c) => c.role === "owner");
      assert.equal(owners.length, 2);
      for (const c of owners) {
        const before = await state();
        const demote = await call(c, "PATCH", `/api/v1/workspaces/${ws}/members/${me}`, { role: "admin" });
        assert.equal(demote.status, 409, `${c.label}: ${demote.text}`);
        assert.equal(errorCode(demote), "last_owner");
        const remove = await call(c, "DELETE", `/api/v1/workspaces/${ws}/members/${me}`);
        assert.equal(remove.status, 409, `${c.label}: ${remove.text}`);
        assert.equal(errorCode(remove), "last_owner");
        assert.deepEqual(await state(), before);
      }
    });

    test("every forbidden write answers 403 and changes nothing", async () => {
      let checked = 0;
      for (const c of callers) {
        for (const action of actions()) {
          if (RANK[c.role] >= RANK[action.minimum]) continue;
          const before = await state();
          const res = await action.run(c);
          assert.equal(res.status, 403, `${c.label} → ${action.name}: ${res.status} ${res.text}`);
          assert.equal(errorCode(res), "forbidden", `${c.label} → ${action.name}`);
          assert.deepEqual(await state(), before, `${c.label} → ${action.name} changed the stored state`);
          checked++;
        }
      }
      // viewer: 14 forbidden, editor: 8, admin and owner: none (x2 for sessions and tokens)
      assert.equal(checked, 2 * (14 + 8));
    });

    test("every role reads bots, versions, diffs, exports and members", async () => {
      for (const c of callers) {
        for (const path of [
          "/api/v1/bots",
          `/api/v1/bots/${botId}`,
          `/api/v1/bots/${botId}/versions`,
          `/api/v1/bots/${botId}/versions/1`,
          `/api/v1/bots/${botId}/diff`,
          `/api/v1/bots/${botId}/export?format=json`,
          `/api/v1/workspaces/${ws}/members`,
        ]) {
          const res = await call(c, "GET", path);
          assert.equal(res.status, 200, `${c.label} GET ${path}: ${res.text}`);
        }
      }
    });

    test("editors and up create, import, edit, deploy and roll back", async () => {
      for (const c of callers.filter((x) => RANK[x.role] >= RANK.editor)) {
        const created = await call(c, "POST", "/api/v1/bots", { workspaceId: ws, name: unique("새 봇") });
        assert.equal(created.status, 201, `${c.label}: ${created.text}`);
        const imported = await call(c, "POST", "/api/v1/bots/import", { workspaceId: ws, content: FIXTURE });
        assert.equal(imported.status, 201, `${c.label}: ${imported.text}`);
        const id = String(body(imported).id);
        const bot = await s.store.bots.get(id);
        assert.ok(bot);
        const saved = await call(c, "PUT", `/api/v1/bots/${id}/draft`, { revision: 1, bot: { ...bot.draft, description: c.label } });
        assert.equal(saved.status, 200, `${c.label}: ${saved.text}`);
        assert.equal(body(saved).draftRevision, 2);
        assert.equal((await call(c, "POST", `/api/v1/bots/${id}/deploy`, { note: "a" })).status, 201);
        assert.equal((await call(c, "POST", `/api/v1/bots/${id}/deploy`, { note: "b" })).status, 201);
        const rolled = await call(c, "POST", `/api/v1/bots/${id}/rollback`, { version: 1 });
        assert.equal(rolled.status, 200, `${c.label}: ${rolled.text}`);
        assert.equal((await s.store.bots.summary(id))?.deployedVersion, 1);
        assert.equal((await s.store.bots.get(id))?.draft.description, c.label);
      }
    });

    test("admins and owners delete bots, manage members and tokens, and read the audit log", async () => {
      for (const c of callers.filter((x) => RANK[x.role] >= RANK.admin)) {
        const scratch = await s.store.bots.create(ws, createBotFile({ name: unique("지울 봇") }));
        assert.equal((await call(c, "DELETE", `/api/v1/bots/${scratch.id}`)).status, 204, c.label);
        assert.equal(await s.store.bots.get(scratch.id), undefined);

        const email = `${unique("member")}@example.com`;
        const added = await call(c, "POST", `/api/v1/workspaces/${ws}/members`, { email, role: "editor", password: PASSWORD });
        assert.equal(added.status, 201, `${c.label}: ${added.text}`);
        const userId = String(body(added).userId);
        const changed = await call(c, "PATCH", `/api/v1/workspaces/${ws}/members/${userId}`, { role: "viewer" });
        assert.equal(changed.status, 200, `${c.label}: ${changed.text}`);
        assert.equal(await s.store.accounts.roleIn(ws, userId), "viewer");
        assert.equal((await call(c, "DELETE", `/api/v1/workspaces/${ws}/members/${userId}`)).status, 204);
        assert.equal(await s.store.accounts.roleIn(ws, userId), undefined);

        const created = await call(c, "POST", `/api/v1/workspaces/${ws}/tokens`, { name: "ci", role: c.role });
        assert.equal(created.status, 201, `${c.label}: ${created.text}`);
        const tokenId = String(body(created).id);
        const listed = await call(c, "GET", `/api/v1/workspaces/${ws}/tokens`);
        assert.ok(!listed.text.includes(String(body(created).token)), "listing never shows a token's secret");
        assert.equal((await call(c, "DELETE", `/api/v1/workspaces/${ws}/tokens/${tokenId}`)).status, 204);

        const audit = await call(c, "GET", `/api/v1/workspaces/${ws}/audit`);
        assert.equal(audit.status, 200);
        const entries = body(audit).entries as Array<{ action: string }>;
        assert.ok(entries.some((e) => e.action === "token.revoke"));
      }
    });

    test("nobody grants or changes a role above their own", async () => {
      const ownerId = (await s.store.accounts.findUserByEmail(OWNER.email))?.id;
      for (const c of callers.filter((x) => x.role === "admin")) {
        const attempts: Array<[string, () => Promise<ApiResponse>]> = [
          [
            "add an owner",
            () =>
              call(c, "POST", `/api/v1/workspaces/${ws}/members`, {
                email: `${unique("boss")}@example.com`,
                role: "owner",
                password: PASSWORD,
              }),
          ],
          ["promote to owner", () => call(c, "PATCH", `/api/v1/workspaces/${ws}/members/${targetUserId}`, { role: "owner" })],
          ["demote the owner", () => call(c, "PATCH", `/api/v1/workspaces/${ws}/members/${ownerId}`, { role: "viewer" })],
          ["remove the owner", () => call(c, "DELETE", `/api/v1/workspaces/${ws}/members/${ownerId}`)],
          ["create an owner token", () => call(c, "POST", `/api/v1/workspaces/${ws}/tokens`, { name: "root", role: "owner" })],
        ];
        for (const [what, attempt] of attempts) {
          const before = await state();
          const res = await attempt();
          assert.equal(res.status, 403, `${c.label} → ${what}: ${res.text}`);
          assert.deepEqual(await state(), before, `${c.label} → ${what} changed the stored state`);
        }
      }
      // An owner may hand out ownership; then the first owner is no longer the last one.
      const owner = callers.find((c) => c.label === "owner (session)");
      assert.ok(owner);
      const promoted = await call(owner, "PATCH", `/api/v1/workspaces/${ws}/members/${targetUserId}`, { role: "owner" });
      assert.equal(promoted.status, 200, promoted.text);
      assert.equal(await s.store.accounts.countOwners(ws), 2);
    });

    test("a user of another workspace gets 404 for a bot and workspace they cannot see", async () => {
      const { workspace: otherWs } = await createOwner(s.store, { email: "stranger@example.com", password: PASSWORD, name: "남" });
      const stranger: Caller = { label: "stranger", role: "owner", session: await login(s.baseUrl, "stranger@example.com", PASSWORD) };
      const tokenRes = await call(stranger, "POST", `/api/v1/workspaces/${otherWs.id}/tokens`, { name: "mine", role: "owner" });
      const strangerToken: Caller = { label: "stranger token", role: "owner", token: String(body(tokenRes).token) };
      for (const c of [stranger, strangerToken]) {
        const before = await state();
        for (const [method, path, payload] of [
          ["GET", `/api/v1/bots/${botId}`, undefined],
          ["GET", `/api/v1/bots/${botId}/export`, undefined],
          ["GET", `/api/v1/bots/${botId}/versions`, undefined],
          ["PUT", `/api/v1/bots/${botId}/draft`, { bot: createBotFile({ name: "탈취" }) }],
          ["POST", `/api/v1/bots/${botId}/deploy`, { note: "x" }],
          ["POST", `/api/v1/bots/${botId}/rollback`, { version: 1 }],
          ["DELETE", `/api/v1/bots/${botId}`, undefined],
          ["GET", `/api/v1/bots?workspaceId=${ws}`, undefined],
          ["GET", `/api/v1/workspaces/${ws}/members`, undefined],
          ["POST", "/api/v1/bots/import", { content: FIXTURE, intoBotId: botId }],
        ] as const) {
          const res = await call(c, method, path, payload);
          assert.equal(res.status, 404, `${c.label} ${method} ${path}: ${res.text}`);
          assert.equal(errorCode(res), "not_found");
        }
        assert.deepEqual(await state(), before);
      }
      const unknown = await call(stranger, "GET", "/api/v1/bots/does-not-exist");
      assert.equal(unknown.status, 404, "unknown and foreign bots look alike");
    });

    test("a revoked token is refused with 401", async () => {
      const owner = callers.find((c) => c.label === "owner (session)");
      assert.ok(owner);
      const created = await call(owner, "POST", `/api/v1/workspaces/${ws}/tokens`, { name: "short-lived", role: "editor" });
      const token = String(body(created).token);
      assert.equal((await api(s.baseUrl, "GET", "/api/v1/bots", { token })).status, 200);
      await call(owner, "DELETE", `/api/v1/workspaces/${ws}/tokens/${String(body(created).id)}`);
      const res = await api(s.baseUrl, "GET", "/api/v1/bots", { token });
      assert.equal(res.status, 401);
      assert.equal(errorCode(res), "unauthorized");
    });
  });
}
