import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestDatabase, type TestDatabase, testDialects } from "../../test/helpers/databases.js";
import { createBotFile } from "../core/bot/defaults.js";
import type { BotFile } from "../core/bot/schema.js";
import { RevisionConflictError } from "./bots-repo.js";
import { sha256 } from "./ids.js";
import { migrateToLatest } from "./migrate.js";
import { openStore, type Store } from "./store.js";

function botNamed(name: string, greeting = "안녕하세요"): BotFile {
  const bot = createBotFile({ name });
  const welcome = bot.scenarios[0]?.blocks.find((b) => b.type === "welcome");
  assert.ok(welcome);
  welcome.outputs = [{ simpleText: { text: greeting } }];
  return bot;
}

for (const dialect of testDialects()) {
  describe(`store (${dialect})`, () => {
    let database: TestDatabase;
    let store: Store;
    let workspaceId: string;
    let userId: string;

    before(async () => {
      database = await createTestDatabase(dialect);
      store = await openStore(database.url);
      const user = await store.accounts.createUser({ email: "Kim@Example.com", name: "김민지", passwordHash: "scrypt$hash" });
      userId = user.id;
      workspaceId = (await store.accounts.createWorkspace("테스트 워크스페이스")).id;
      await store.accounts.addMember(workspaceId, userId, "owner");
    });

    after(async () => {
      await store.close();
      await database.drop();
    });

    test("migrations are idempotent: a second run applies nothing and keeps the data", async () => {
      assert.deepEqual(await migrateToLatest(store.connection.db, store.connection.dialect), []);
      const again = await openStore(database.url);
      try {
        assert.equal(await again.accounts.countUsers(), 1);
        assert.deepEqual(await migrateToLatest(again.connection.db, again.connection.dialect), []);
      } finally {
        await again.close();
      }
    });

    test("a fresh database gets every migration once", async () => {
      const fresh = await createTestDatabase(dialect);
      const s = await openStore(fresh.url, { migrate: false });
      try {
        const applied = await migrateToLatest(s.connection.db, s.connection.dialect);
        assert.ok(applied.includes("0001-initial"), `applied: ${applied.join(", ")}`);
        assert.equal(await s.accounts.countUsers(), 0);
      } finally {
        await s.close();
        await fresh.drop();
      }
    });

    test("users: emails are stored lower-case, unique, and found case-insensitively", async () => {
      const found = await store.accounts.findUserByEmail("KIM@example.COM");
      assert.equal(found?.id, userId);
      assert.equal(found?.email, "kim@example.com");
      await assert.rejects(store.accounts.createUser({ email: "kim@example.com", name: "dup", passwordHash: "x" }));
      await store.accounts.setPassword(userId, "scrypt$new");
      assert.equal((await store.accounts.findUserById(userId))?.passwordHash, "scrypt$new");
    });

    test("memberships: roles per workspace, members, owners, role changes and removal", async () => {
      const editor = await store.accounts.createUser({ email: "lee@example.com", name: "이서준", passwordHash: "x" });
      const other = await store.accounts.createWorkspace("다른 워크스페이스");
      await store.accounts.addMember(workspaceId, editor.id, "editor");
      await store.accounts.addMember(other.id, editor.id, "owner");
      assert.equal(await store.accounts.roleIn(workspaceId, editor.id), "editor");
      assert.equal(await store.accounts.roleIn(other.id, editor.id), "owner");
      assert.equal(await store.accounts.roleIn(other.id, userId), undefined);
      assert.deepEqual(
        (await store.accounts.membershipsOf(editor.id)).map((m) => [m.workspaceName, m.role]),
        [
          ["테스트 워크스페이스", "editor"],
          ["다른 워크스페이스", "owner"],
        ],
      );
      assert.deepEqual(
        (await store.accounts.members(workspaceId)).map((m) => [m.email, m.role]),
        [
          ["kim@example.com", "owner"],
          ["lee@example.com", "editor"],
        ],
      );
      assert.equal(await store.accounts.countOwners(workspaceId), 1);
      assert.equal(await store.accounts.setRole(workspaceId, editor.id, "admin"), true);
      assert.equal(await store.accounts.roleIn(workspaceId, editor.id), "admin");
      assert.equal(await store.accounts.setRole(workspaceId, "nobody", "admin"), false);
      await assert.rejects(store.accounts.addMember(workspaceId, editor.id, "viewer"), "one membership per user and workspace");
      assert.equal(await store.accounts.removeMember(workspaceId, editor.id), true);
      assert.equal(await store.accounts.removeMember(workspaceId, editor.id), false);
      assert.equal(await store.accounts.roleIn(workspaceId, editor.id), undefined);
      assert.equal(await store.accounts.workspaceExists(other.id), true);
      assert.equal(await store.accounts.workspaceExists("missing"), false);
    });

    test("sessions: found by cookie, stored hashed, expire, and end on delete", async () => {
      const session = await store.auth.createSession(userId, 1);
      const found = await store.auth.findSession(session.cookie);
      assert.equal(found?.userId, userId);
      assert.equal(found?.csrfToken, session.csrfToken);
      const rows = await store.connection.db.selectFrom("sessions").selectAll().execute();
      assert.ok(rows.every((r) => r.id_hash !== session.cookie && !JSON.stringify(r).includes(session.cookie)));
      assert.ok(rows.some((r) => r.id_hash === sha256(session.cookie)));

      await store.connection.db
        .updateTable("sessions")
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where("id_hash", "=", sha256(session.cookie))
        .execute();
      assert.equal(await store.auth.findSession(session.cookie), undefined, "an expired session no longer signs in");

      const expired = await store.auth.createSession(userId, -1);
      assert.equal(await store.auth.findSession(expired.cookie), undefined);

      const live = await store.auth.createSession(userId, 1);
      await store.auth.deleteSession(live.cookie);
      assert.equal(await store.auth.findSession(live.cookie), undefined);
    });

    test("sessions: a password change ends all sessions but the current one", async () => {
      const keep = await store.auth.createSession(userId, 1);
      const other = await store.auth.createSession(userId, 1);
      await store.auth.deleteUserSessions(userId, keep.cookie);
      assert.ok(await store.auth.findSession(keep.cookie));
      assert.equal(await store.auth.findSession(other.cookie), undefined);
      await store.auth.deleteUserSessions(userId);
      assert.equal(await store.auth.findSession(keep.cookie), undefined);
    });

    test("API tokens: stored hashed (the token appears nowhere in the table), listed without secret, revocable", async () => {
      const { token, record } = await store.auth.createApiToken({ workspaceId, createdBy: userId, name: "배포 자동화", role: "editor" });
      assert.ok(token.startsWith("bct_"));
      assert.ok(token.length > 40);
      const rows = await store.connection.db.selectFrom("api_tokens").selectAll().execute();
      const secret = token.slice("bct_".length);
      for (const row of rows) {
        for (const value of Object.values(row)) {
          assert.ok(!String(value).includes(secret), "the token's secret is not stored in any column");
        }
      }
      assert.ok(rows.some((r) => r.token_hash === sha256(token)));

      const found = await store.auth.findApiToken(token);
      assert.equal(found?.id, record.id);
      assert.equal(found?.role, "editor");
      assert.equal(await store.auth.findApiToken(`${token}x`), undefined);
      const listed = await store.auth.listApiTokens(workspaceId);
      assert.ok(
        listed.some((t) => t.id === record.id && t.lastUsedAt !== null),
        "use is recorded",
      );
      assert.ok(!JSON.stringify(listed).includes(secret));

      assert.equal(await store.auth.revokeApiToken(workspaceId, record.id), true);
      assert.equal(await store.auth.revokeApiToken(workspaceId, record.id), false, "already revoked");
      assert.equal(await store.auth.findApiToken(token), undefined);
      assert.ok(!(await store.auth.listApiTokens(workspaceId)).some((t) => t.id === record.id));
    });

    test("API tokens: revoking needs the right workspace", async () => {
      const other = await store.accounts.createWorkspace("남의 워크스페이스");
      const { token, record } = await store.auth.createApiToken({ workspaceId, createdBy: userId, name: "t", role: "viewer" });
      assert.equal(await store.auth.revokeApiToken(other.id, record.id), false);
      assert.ok(await store.auth.findApiToken(token));
    });

    test("setup tokens: used once, stored hashed, and not after expiry", async () => {
      const { token } = await store.auth.createSetupToken(30);
      const rows = await store.connection.db.selectFrom("setup_tokens").selectAll().execute();
      assert.ok(!JSON.stringify(rows).includes(token));
      assert.equal(await store.auth.consumeSetupToken(token), true);
      assert.equal(await store.auth.consumeSetupToken(token), false);
      const stale = await store.auth.createSetupToken(-1);
      assert.equal(await store.auth.consumeSetupToken(stale.token), false);
      assert.equal(await store.auth.consumeSetupToken("made-up"), false);
    });

    test("bots: create, list, get the draft back exactly", async () => {
      const draft = botNamed("주문 봇");
      const created = await store.bots.create(workspaceId, draft);
      assert.equal(created.draftRevision, 1);
      assert.equal(created.deployedVersion, null);
      const loaded = await store.bots.get(created.id);
      assert.deepEqual(loaded?.draft, draft);
      assert.ok((await store.bots.list(workspaceId)).some((b) => b.id === created.id && b.name === "주문 봇"));
      assert.equal(await store.bots.get("missing"), undefined);
    });

    test("bots: saving the draft bumps the revision; a stale revision is a conflict and changes nothing", async () => {
      const bot = await store.bots.create(workspaceId, botNamed("초안 봇"));
      const saved = await store.bots.saveDraft(bot.id, botNamed("초안 봇 v2"), 1);
      assert.equal(saved.draftRevision, 2);
      assert.equal(saved.name, "초안 봇 v2", "the bot's name follows the draft");
      await assert.rejects(store.bots.saveDraft(bot.id, botNamed("늦은 저장"), 1), (error: unknown) => {
        assert.ok(error instanceof RevisionConflictError);
        assert.equal(error.current, 2);
        return true;
      });
      const after = await store.bots.get(bot.id);
      assert.equal(after?.draftRevision, 2);
      assert.equal(after?.draft.name, "초안 봇 v2");
      const unconditional = await store.bots.saveDraft(bot.id, botNamed("강제 저장"));
      assert.equal(unconditional.draftRevision, 3);
    });

    test("deploy numbers versions v1, v2; versions are immutable snapshots; rollback moves the pointer and keeps the draft", async () => {
      const bot = await store.bots.create(workspaceId, botNamed("배포 봇", "첫 인사"));
      assert.equal(await store.bots.deployed(bot.id), undefined);

      const v1 = await store.bots.deploy(bot.id, "첫 배포", "kim@example.com");
      assert.equal(v1.version, 1);
      assert.equal(v1.note, "첫 배포");
      assert.equal(v1.createdBy, "kim@example.com");
      assert.ok(!Number.isNaN(Date.parse(v1.createdAt)));

      await store.bots.saveDraft(bot.id, botNamed("배포 봇", "두 번째 인사"));
      const snapshotBefore = (await store.bots.version(bot.id, 1))?.snapshot;
      const v2 = await store.bots.deploy(bot.id, "인사 변경", null);
      assert.equal(v2.version, 2);
      assert.equal((await store.bots.summary(bot.id))?.deployedVersion, 2);

      // Editing the draft afterwards changes no version.
      await store.bots.saveDraft(bot.id, botNamed("배포 봇", "세 번째 초안"));
      assert.deepEqual((await store.bots.version(bot.id, 1))?.snapshot, snapshotBefore);
      const greeting = (b: BotFile | undefined) => JSON.stringify(b?.scenarios[0]?.blocks.find((x) => x.type === "welcome")?.outputs);
      assert.match(greeting((await store.bots.version(bot.id, 1))?.snapshot), /첫 인사/);
      assert.match(greeting((await store.bots.version(bot.id, 2))?.snapshot), /두 번째 인사/);
      assert.match(greeting((await store.bots.deployed(bot.id))?.snapshot), /두 번째 인사/);

      assert.deepEqual(
        (await store.bots.versions(bot.id)).map((v) => [v.version, v.note, v.createdBy]),
        [
          [2, "인사 변경", null],
          [1, "첫 배포", "kim@example.com"],
        ],
      );

      assert.equal(await store.bots.rollback(bot.id, 1), true);
      const rolled = await store.bots.summary(bot.id);
      assert.equal(rolled?.deployedVersion, 1);
      assert.match(greeting((await store.bots.deployed(bot.id))?.snapshot), /첫 인사/);
      assert.match(greeting((await store.bots.get(bot.id))?.draft), /세 번째 초안/, "the draft is kept");
      assert.equal((await store.bots.versions(bot.id)).length, 2, "rollback creates no version");
      assert.equal(await store.bots.rollback(bot.id, 9), false);
      assert.equal((await store.bots.summary(bot.id))?.deployedVersion, 1);

      const v3 = await store.bots.deploy(bot.id, "", null);
      assert.equal(v3.version, 3, "numbering continues after a rollback");
    });

    test("versions are numbered per bot", async () => {
      const a = await store.bots.create(workspaceId, botNamed("A 봇"));
      const b = await store.bots.create(workspaceId, botNamed("B 봇"));
      await store.bots.deploy(a.id, "", null);
      await store.bots.deploy(a.id, "", null);
      assert.equal((await store.bots.deploy(b.id, "", null)).version, 1);
    });

    test("deleting a bot removes its versions and conversations", async () => {
      const bot = await store.bots.create(workspaceId, botNamed("지울 봇"));
      await store.bots.deploy(bot.id, "", null);
      await store.activity.saveConversation(bot.id, "channel", "user-1", { turn: 1 });
      assert.equal(await store.bots.delete(bot.id), true);
      assert.equal(await store.bots.get(bot.id), undefined);
      assert.equal(await store.bots.version(bot.id, 1), undefined);
      assert.equal(await store.activity.loadConversation(bot.id, "channel", "user-1"), undefined);
      assert.equal(await store.bots.delete(bot.id), false);
    });

    test("conversations: upsert per bot, surface and user; delete", async () => {
      const bot = await store.bots.create(workspaceId, botNamed("대화 봇"));
      assert.equal(await store.activity.loadConversation(bot.id, "channel", "u1"), undefined);
      await store.activity.saveConversation(bot.id, "channel", "u1", { slots: { drink: "라떼" } });
      await store.activity.saveConversation(bot.id, "channel", "u1", { slots: { drink: "모카" }, turn: 2 });
      await store.activity.saveConversation(bot.id, "test", "u1", { slots: {} });
      assert.deepEqual(await store.activity.loadConversation(bot.id, "channel", "u1"), { slots: { drink: "모카" }, turn: 2 });
      assert.deepEqual(await store.activity.loadConversation(bot.id, "test", "u1"), { slots: {} });
      const rows = await store.connection.db.selectFrom("conversations").selectAll().where("bot_id", "=", bot.id).execute();
      assert.equal(rows.length, 2);
      await store.activity.deleteConversation(bot.id, "channel", "u1");
      assert.equal(await store.activity.loadConversation(bot.id, "channel", "u1"), undefined);
      assert.ok(await store.activity.loadConversation(bot.id, "test", "u1"));
    });

    test("skill log: newest first, errors only, limit", async () => {
      const bot = await store.bots.create(workspaceId, botNamed("스킬 봇"));
      const base = { botId: bot.id, skillId: "order", blockId: "b1", surface: "channel", detail: "" };
      await store.activity.logSkillCall({ ...base, ok: true, reason: null, status: 200, latencyMs: 12.4 });
      await store.activity.logSkillCall({ ...base, ok: false, reason: "timeout", status: null, latencyMs: 5000 });
      await store.activity.logSkillCall({ ...base, ok: false, reason: "bad_status", status: 500, latencyMs: 30, blockId: null });
      const all = await store.activity.skillLog(bot.id);
      assert.deepEqual(
        all.map((e) => [e.ok, e.reason, e.status, e.latencyMs]),
        [
          [false, "bad_status", 500, 30],
          [false, "timeout", null, 5000],
          [true, null, 200, 12],
        ],
      );
      assert.equal(all[0]?.blockId, null);
      assert.deepEqual(
        (await store.activity.skillLog(bot.id, { errorsOnly: true })).map((e) => e.reason),
        ["bad_status", "timeout"],
      );
      assert.equal((await store.activity.skillLog(bot.id, { limit: 1 })).length, 1);
    });

    test("audit log: newest first, per workspace, detail kept as an object", async () => {
      const other = await store.accounts.createWorkspace("감사 분리");
      await store.activity.audit({ workspaceId, actor: "kim@example.com", action: "bot.create", target: "b1", detail: { name: "봇" } });
      await store.activity.audit({ workspaceId, actor: "kim@example.com", action: "bot.deploy", target: "b1", detail: { version: 1 } });
      await store.activity.audit({ workspaceId: other.id, actor: "x", action: "bot.create" });
      const entries = await store.activity.auditLog(workspaceId, 2);
      assert.deepEqual(
        entries.map((e) => [e.action, e.detail]),
        [
          ["bot.deploy", { version: 1 }],
          ["bot.create", { name: "봇" }],
        ],
      );
      assert.deepEqual(
        (await store.activity.auditLog(other.id)).map((e) => [e.action, e.target]),
        [["bot.create", null]],
      );
    });
  });
}
