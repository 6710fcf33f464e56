import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { loadConfig } from "../../src/config/config.js";
import { createLogger } from "../../src/logger.js";
import { buildServer } from "../../src/server/app.js";
import { bootstrapOwner } from "../../src/services/bootstrap.js";
import { openStore } from "../../src/store/store.js";
import { createTestDatabase, testDialects } from "../helpers/databases.js";
import { type ApiResponse, api, login, OWNER, startTestServer, type TestServer } from "../helpers/server.js";

function errorOf(res: ApiResponse): { code?: string; message?: string; path?: string } {
  assert.ok(typeof res.body === "object" && res.body !== null, `not JSON: ${res.text}`);
  const error = (res.body as { error?: unknown }).error;
  assert.ok(typeof error === "object" && error !== null, `no error object: ${res.text}`);
  return error as { code?: string; message?: string; path?: string };
}

async function rawLogin(baseUrl: string, email: string, password: string): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
}

/** Every row of every table, as text: what an attacker with a copy of the database would see. */
async function dumpDatabase(s: TestServer): Promise<string> {
  const tables = [
    "workspaces",
    "users",
    "memberships",
    "sessions",
    "api_tokens",
    "setup_tokens",
    "bots",
    "bot_versions",
    "audit_log",
    "conversations",
    "skill_log",
  ] as const;
  const parts: string[] = [];
  for (const table of tables) parts.push(JSON.stringify(await s.store.connection.db.selectFrom(table).selectAll().execute()));
  return parts.join("\n");
}

for (const dialect of testDialects()) {
  describe(`auth (${dialect})`, () => {
    let s: TestServer;

    before(async () => {
      s = await startTestServer(dialect, { BOTCENTER_LOGIN_MAX_FAILURES: "3" });
    });
    after(async () => {
      await s.close();
    });

    test("login sets an httpOnly SameSite session cookie and returns the user, workspaces and CSRF token", async () => {
      const res = await rawLogin(s.baseUrl, OWNER.email.toUpperCase(), OWNER.password);
      assert.equal(res.status, 200);
      const cookie = res.headers.get("set-cookie") ?? "";
      assert.match(cookie, /^botcenter_session=[^;]+/);
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Lax/i);
      const body = (await res.json()) as { user: { email: string }; workspaces: Array<{ role: string }>; csrfToken: string };
      assert.equal(body.user.email, OWNER.email);
      assert.equal(body.workspaces[0]?.role, "owner");
      assert.ok(body.csrfToken.length > 20);
    });

    test("wrong password and unknown email both answer 401 with the same error", async () => {
      const wrong = await api(s.baseUrl, "POST", "/api/v1/auth/login", { body: { email: OWNER.email, password: "not-the-password" } });
      const unknown = await api(s.baseUrl, "POST", "/api/v1/auth/login", {
        body: { email: "nobody@example.com", password: "whatever-1234" },
      });
      for (const res of [wrong, unknown]) {
        assert.equal(res.status, 401);
        assert.equal(errorOf(res).code, "invalid_credentials");
        assert.equal(res.headers.get("set-cookie"), null);
      }
      assert.equal(errorOf(wrong).message, errorOf(unknown).message);
    });

    test("after BOTCENTER_LOGIN_MAX_FAILURES failures the login answers 429 with Retry-After, even with the right password", async () => {
      const email = "limited@example.com";
      const added = await api(s.baseUrl, "POST", `/api/v1/workspaces/${s.workspaceId}/members`, {
        session: s.owner,
        body: { email, role: "viewer", password: "limited-password-1" },
      });
      assert.equal(added.status, 201);
      for (let i = 0; i < 3; i++) {
        const res = await api(s.baseUrl, "POST", "/api/v1/auth/login", { body: { email, password: `guess-${i}-xxxx` } });
        assert.equal(res.status, 401, `attempt ${i + 1}`);
      }
      const blocked = await api(s.baseUrl, "POST", "/api/v1/auth/login", { body: { email, password: "limited-password-1" } });
      assert.equal(blocked.status, 429);
      assert.equal(errorOf(blocked).code, "rate_limited");
      const retryAfter = Number(blocked.headers.get("retry-after"));
      assert.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 15 * 60, `Retry-After: ${retryAfter}`);
      // Other accounts are not locked out by someone guessing this one.
      assert.ok(await login(s.baseUrl, OWNER.email, OWNER.password));
    });

    test("a successful login before the limit resets the failure count", async () => {
      const email = "forgetful@example.com";
      await api(s.baseUrl, "POST", `/api/v1/workspaces/${s.workspaceId}/members`, {
        session: s.owner,
        body: { email, role: "viewer", password: "forgetful-password" },
      });
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 2; i++) {
          assert.equal((await api(s.baseUrl, "POST", "/api/v1/auth/login", { body: { email, password: "wrong-password" } })).status, 401);
        }
        assert.ok(await login(s.baseUrl, email, "forgetful-password"), `round ${round}`);
      }
    });

    test("unauthenticated requests get 401 in the error shape", async () => {
      for (const [method, path] of [
        ["GET", "/api/v1/bots"],
        ["POST", "/api/v1/bots"],
        ["GET", "/api/v1/auth/me"],
        ["GET", `/api/v1/workspaces/${s.workspaceId}/members`],
      ] as const) {
        const res = await api(s.baseUrl, method, path, { body: method === "POST" ? { name: "x" } : undefined });
        assert.equal(res.status, 401, `${method} ${path}`);
        assert.equal(errorOf(res).code, "unauthorized");
      }
      const bogus = await api(s.baseUrl, "GET", "/api/v1/bots", { token: "bct_not-a-real-token" });
      assert.equal(bogus.status, 401);
      const badCookie = await api(s.baseUrl, "GET", "/api/v1/auth/me", { session: { cookie: "botcenter_session=forged", csrf: "x" } });
      assert.equal(badCookie.status, 401);
    });

    test("logout ends the session", async () => {
      const session = await login(s.baseUrl, OWNER.email, OWNER.password);
      assert.equal((await api(s.baseUrl, "GET", "/api/v1/auth/me", { session })).status, 200);
      const out = await api(s.baseUrl, "POST", "/api/v1/auth/logout", { session });
      assert.equal(out.status, 204);
      assert.equal((await api(s.baseUrl, "GET", "/api/v1/auth/me", { session })).status, 401);
      assert.equal((await api(s.baseUrl, "GET", "/api/v1/auth/me", { session: s.owner })).status, 200, "other sessions live on");
    });

    test("a password change ends the user's other sessions and keeps this one", async () => {
      const email = "changer@example.com";
      const oldPassword = "old-password-123";
      const newPassword = "new-password-456";
      await api(s.baseUrl, "POST", `/api/v1/workspaces/${s.workspaceId}/members`, {
        session: s.owner,
        body: { email, role: "editor", password: oldPassword },
      });
      const here = await login(s.baseUrl, email, oldPassword);
      const elsewhere = await login(s.baseUrl, email, oldPassword);

      const wrong = await api(s.baseUrl, "POST", "/api/v1/auth/password", {
        session: here,
        body: { currentPassword: "not-it-at-all", newPassword },
      });
      assert.equal(wrong.status, 400);
      assert.equal(errorOf(wrong).path, "body.currentPassword");
      const short = await api(s.baseUrl, "POST", "/api/v1/auth/password", {
        session: here,
        body: { currentPassword: oldPassword, newPassword: "short" },
      });
      assert.equal(short.status, 400);
      assert.equal(errorOf(short).path, "body.newPassword");
      assert.equal((await api(s.baseUrl, "GET", "/api/v1/auth/me", { session: elsewhere })).status, 200, "failed changes end nothing");

      const ok = await api(s.baseUrl, "POST", "/api/v1/auth/password", {
        session: here,
        body: { currentPassword: oldPassword, newPassword },
      });
      assert.equal(ok.status, 204, ok.text);
      assert.equal((await api(s.baseUrl, "GET", "/api/v1/auth/me", { session: elsewhere })).status, 401);
      assert.equal((await api(s.baseUrl, "GET", "/api/v1/auth/me", { session: here })).status, 200);
      assert.equal((await rawLogin(s.baseUrl, email, oldPassword)).status, 401);
      assert.ok(await login(s.baseUrl, email, newPassword));
    });

    test("cookie writes need the CSRF token; API tokens do not", async () => {
      const count = async () => (await s.store.bots.list(s.workspaceId)).length;
      const before = await count();
      const missing = await api(s.baseUrl, "POST", "/api/v1/bots", { session: s.owner, csrf: false, body: { name: "CSRF 봇" } });
      assert.equal(missing.status, 403);
      assert.equal(errorOf(missing).code, "csrf_failed");
      const wrong = await api(s.baseUrl, "POST", "/api/v1/bots", {
        session: { cookie: s.owner.cookie, csrf: `${s.owner.csrf}x` },
        body: { name: "CSRF 봇" },
      });
      assert.equal(wrong.status, 403);
      assert.equal(errorOf(wrong).code, "csrf_failed");
      const logout = await api(s.baseUrl, "POST", "/api/v1/auth/logout", { session: s.owner, csrf: false });
      assert.equal(logout.status, 403, "even logout needs the token (no forced sign-out from another site)");
      assert.equal(await count(), before, "nothing was created");
      assert.equal((await api(s.baseUrl, "GET", "/api/v1/bots", { session: s.owner, csrf: false })).status, 200, "reads need no token");

      const created = await api(s.baseUrl, "POST", `/api/v1/workspaces/${s.workspaceId}/tokens`, {
        session: s.owner,
        body: { name: "자동화", role: "editor" },
      });
      const token = String((created.body as { token: string }).token);
      const viaToken = await api(s.baseUrl, "POST", "/api/v1/bots", { token, body: { name: "토큰 봇" } });
      assert.equal(viaToken.status, 201, viaToken.text);
      assert.equal(await count(), before + 1);
    });

    test("GET /auth/me returns the same CSRF token the login gave", async () => {
      const me = await api(s.baseUrl, "GET", "/api/v1/auth/me", { session: s.owner });
      assert.equal((me.body as { csrfToken: string }).csrfToken, s.owner.csrf);
    });

    test("validation errors name the field: { error: { code, message, path } }", async () => {
      const res = await api(s.baseUrl, "POST", "/api/v1/auth/login", { body: { email: "not-an-email", password: "x" } });
      assert.equal(res.status, 400);
      const error = errorOf(res);
      assert.equal(error.code, "validation_failed");
      assert.equal(error.path, "body.email");
      assert.match(error.message ?? "", /email/);
      assert.match(error.message ?? "", /must be an email address/);

      const bot = await api(s.baseUrl, "POST", "/api/v1/bots", { session: s.owner, body: { name: "" } });
      assert.equal(bot.status, 400);
      assert.equal(errorOf(bot).path, "body.name");
      assert.match(errorOf(bot).message ?? "", /name.*must not be empty/);
    });

    test("passwords never appear in the database in clear", async () => {
      const dump = await dumpDatabase(s);
      for (const secret of [OWNER.password, "limited-password-1", "forgetful-password", "old-password-123", "new-password-456"]) {
        assert.ok(!dump.includes(secret), `"${secret}" is stored in clear`);
      }
      const hashes = await s.store.connection.db.selectFrom("users").select("password_hash").execute();
      assert.ok(hashes.length >= 4);
      assert.ok(hashes.every((h) => h.password_hash.startsWith("scrypt$")));
      assert.equal(new Set(hashes.map((h) => h.password_hash)).size, hashes.length, "salted: no two hashes alike");
      // Session cookies are stored hashed as well.
      assert.ok(!dump.includes(s.owner.cookie.split("=")[1] ?? "?"));
    });
  });

  describe(`first start with a setup link (${dialect})`, () => {
    test("bootstrapOwner issues a one-time link; POST /setup creates the owner once", async () => {
      const database = await createTestDatabase(dialect);
      const config = loadConfig({ PORT: "0", DATABASE_URL: database.url, LOG_LEVEL: "silent" });
      const store = await openStore(config.databaseUrl);
      const app = await buildServer({ config, store, logger: createLogger("silent") });
      try {
        const boot = await bootstrapOwner(store, {});
        assert.equal(boot.kind, "setup-link");
        assert.ok(boot.kind === "setup-link" && boot.token.length > 20);
        const token = boot.kind === "setup-link" ? boot.token : "";
        await app.listen({ port: 0, host: "127.0.0.1" });
        const address = app.server.address();
        const baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

        assert.deepEqual((await api(baseUrl, "GET", "/api/v1/setup")).body, { needsSetup: true });
        const owner = { email: "first@example.com", name: "첫 관리자", password: "first-password-1" };
        const bad = await api(baseUrl, "POST", "/api/v1/setup", { body: { ...owner, token: "guessed" } });
        assert.equal(bad.status, 400);
        assert.equal(errorOf(bad).code, "invalid_setup_token");
        assert.equal(await store.accounts.countUsers(), 0);

        const ok = await api(baseUrl, "POST", "/api/v1/setup", { body: { ...owner, token } });
        assert.equal(ok.status, 201, ok.text);
        assert.match(ok.headers.get("set-cookie") ?? "", /botcenter_session=/);
        assert.equal((ok.body as { workspaces: Array<{ role: string }> }).workspaces[0]?.role, "owner");
        assert.deepEqual((await api(baseUrl, "GET", "/api/v1/setup")).body, { needsSetup: false });

        const again = await api(baseUrl, "POST", "/api/v1/setup", { body: { ...owner, email: "second@example.com", token } });
        assert.equal(again.status, 400);
        assert.equal(errorOf(again).code, "invalid_setup_token");
        assert.equal(await store.accounts.countUsers(), 1);
        assert.ok(await login(baseUrl, owner.email, owner.password));
        assert.deepEqual(await bootstrapOwner(store, {}), { kind: "ready" }, "no new link once an owner exists");
      } finally {
        await app.close();
        await store.close();
        await database.drop();
      }
    });

    test("bootstrapOwner creates the owner from BOTCENTER_ADMIN_EMAIL/PASSWORD", async () => {
      const database = await createTestDatabase(dialect);
      const store = await openStore(database.url);
      try {
        const boot = await bootstrapOwner(store, { email: "Admin@Example.com", password: "admin-password-1" });
        assert.deepEqual(boot, { kind: "owner-created", email: "admin@example.com" });
        const user = await store.accounts.findUserByEmail("admin@example.com");
        assert.ok(user);
        assert.equal((await store.accounts.membershipsOf(user.id))[0]?.role, "owner");
        assert.equal((await store.connection.db.selectFrom("setup_tokens").selectAll().execute()).length, 0, "no setup link");
      } finally {
        await store.close();
        await database.drop();
      }
    });
  });
}
