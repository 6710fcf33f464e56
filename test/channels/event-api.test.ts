import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { RateLimiter } from "../../src/channels/event-api.js";
import { testDialects } from "../helpers/databases.js";
import {
  api,
  createChannel,
  deskBot,
  importAndDeploy,
  openRoom,
  type RoomView,
  type SkillRecorder,
  startSkillRecorder,
  startTestServer,
  type TestServer,
  texts,
  userRequestOf,
} from "./helpers.js";

interface Task {
  status: string;
  allRequestCount: number;
  successCount: number;
  failCount: number;
  results: Array<{ type: string; id: string; status: string; reason?: string }>;
}

async function waitForTask(server: TestServer, token: string, taskId: string): Promise<Task> {
  for (let i = 0; i < 100; i++) {
    const res = await api(server.baseUrl, "GET", `/api/v1/tasks/${taskId}`, { token });
    assert.equal(res.status, 200, res.text);
    const task = res.body as Task;
    if (task.status !== "PENDING") return task;
    await new Promise((r) => setTimeout(r, 30));
  }
  throw new Error("task did not finish");
}

test("the rate limiter allows `limit` hits per window and says how long to wait", () => {
  let now = 0;
  const limiter = new RateLimiter(2, 60_000, () => now);
  assert.equal(limiter.hit("bot"), 0);
  assert.equal(limiter.hit("bot"), 0);
  assert.equal(limiter.hit("bot"), 60);
  assert.equal(limiter.hit("other"), 0, "limits are per bot");
  now = 59_000;
  assert.equal(limiter.hit("bot"), 1);
  now = 60_000;
  assert.equal(limiter.hit("bot"), 0, "a new window starts");
});

for (const dialect of testDialects()) {
  describe(`Event API (${dialect})`, () => {
    let server: TestServer;
    let skill: SkillRecorder;
    let botId: string;
    let token: string;
    let friend: RoomView;
    let stranger: RoomView;

    before(async () => {
      server = await startTestServer(dialect, { BOTCENTER_ALLOW_PRIVATE_SKILLS: "true" });
      skill = await startSkillRecorder();
      botId = await importAndDeploy(server, deskBot(skill.url));
      const channel = await createChannel(server, { welcomeMessage: "반가워요" }, botId);
      friend = await openRoom(server, channel.id, { anonymousId: "event-friend-0000000001", addChannel: true });
      stranger = await openRoom(server, channel.id, { anonymousId: "event-stranger-00000001" });
      const created = await api(server.baseUrl, "POST", `/api/v1/workspaces/${server.workspaceId}/tokens`, {
        session: server.owner,
        body: { name: "events", role: "editor" },
      });
      assert.equal(created.status, 201, created.text);
      token = (created.body as { token: string }).token;
    });
    after(async () => {
      await server.close();
      await skill.close();
    });

    test("per-user results: delivered, duplicate, not a friend, unknown user", async () => {
      // The friend's botUserKey is learned when the bot first answered them (here: never yet), so use
      // the plusfriendUserKey first, then the botUserKey the skill saw.
      const res = await api(server.baseUrl, "POST", `/api/v1/bots/${botId}/talk`, {
        token,
        body: {
          event: { name: "notice", data: { msg: "배송이 시작됐어요" } },
          user: [
            { type: "plusfriendUserKey", id: friend.user.plusfriendUserKey },
            { type: "plusfriendUserKey", id: friend.user.plusfriendUserKey },
            { type: "plusfriendUserKey", id: stranger.user.plusfriendUserKey },
            { type: "plusfriendUserKey", id: "nobody-12345" },
            { type: "appUserId", id: "404" },
          ],
        },
      });
      assert.equal(res.status, 200, res.text);
      const accepted = res.body as { taskId: string; status: string; timestamp: number };
      assert.equal(accepted.status, "SUCCESS");
      assert.equal(typeof accepted.timestamp, "number");
      const task = await waitForTask(server, token, accepted.taskId);
      assert.deepEqual(
        task.results.map((r) => r.status),
        ["delivered", "duplicate", "not_friend", "unknown_user", "unknown_user"],
      );
      assert.equal(task.status, "4 FAIL");
      assert.equal(task.allRequestCount, 5);
      assert.equal(task.successCount, 1);
      assert.ok(task.results.slice(1).every((r) => typeof r.reason === "string" && r.reason.length > 0));

      const history = await api(
        server.baseUrl,
        "GET",
        `/api/v1/chat/rooms/${friend.roomId}/messages?token=${encodeURIComponent(friend.token)}`,
      );
      const messages = (history.body as { messages: RoomView["messages"] }).messages;
      assert.equal(texts(messages).at(-1), "알림: 배송이 시작됐어요", "the event block's answer lands in the friend's room");
    });

    test("users can be targeted by botUserKey once the bot has talked to them", async () => {
      await api(server.baseUrl, "POST", `/api/v1/chat/rooms/${friend.roomId}/messages?token=${encodeURIComponent(friend.token)}`, {
        body: { input: { type: "text", text: "나는 누구" } },
      });
      const botUserKey = userRequestOf(skill, -1).user.id;
      const res = await api(server.baseUrl, "POST", `/api/v1/bots/${botId}/talk`, {
        token,
        body: { event: { name: "notice", data: { msg: "두 번째 알림" } }, user: [{ type: "botUserKey", id: botUserKey }] },
      });
      const task = await waitForTask(server, token, (res.body as { taskId: string }).taskId);
      assert.equal(task.status, "ALL SUCCESS");
    });

    test("bad requests are refused as a whole with the reason", async () => {
      const tooMany = await api(server.baseUrl, "POST", `/api/v1/bots/${botId}/talk`, {
        token,
        body: { event: { name: "notice" }, user: Array.from({ length: 101 }, (_, i) => ({ type: "appUserId", id: String(i) })) },
      });
      assert.equal(tooMany.status, 400);
      assert.match((tooMany.body as { error: { message: string } }).error.message, /100/);
      const unknownEvent = await api(server.baseUrl, "POST", `/api/v1/bots/${botId}/talk`, {
        token,
        body: { event: { name: "nope" }, user: [{ type: "appUserId", id: "1" }] },
      });
      assert.equal(unknownEvent.status, 400);
      assert.equal((unknownEvent.body as { error: { code: string } }).error.code, "unknown_event");
      const anonymous = await api(server.baseUrl, "POST", `/api/v1/bots/${botId}/talk`, {
        body: { event: { name: "notice" }, user: [{ type: "appUserId", id: "1" }] },
      });
      assert.equal(anonymous.status, 401);
    });
  });
}
