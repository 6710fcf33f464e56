import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { signUserId } from "../../src/channels/identity.js";
import { testDialects } from "../helpers/databases.js";
import {
  api,
  createChannel,
  deskBot,
  importAndDeploy,
  openRoom,
  readEvents,
  type SkillRecorder,
  say,
  startSkillRecorder,
  startTestServer,
  type TestServer,
  texts,
  userRequestOf,
} from "./helpers.js";

const WELCOME_MESSAGE = "다온마켓 채널을 추가해 주셔서 고마워요!";
const anon = (n: number) => `browser-${n}-${"x".repeat(16)}`;

for (const dialect of testDialects()) {
  describe(`web chat rooms (${dialect})`, () => {
    let server: TestServer;
    let skill: SkillRecorder;
    let botId: string;
    let channel: { id: string; secret: string };

    before(async () => {
      server = await startTestServer(dialect, { BOTCENTER_ALLOW_PRIVATE_SKILLS: "true" });
      skill = await startSkillRecorder();
      botId = await importAndDeploy(server, deskBot(skill.url));
      channel = await createChannel(server, { welcomeMessage: WELCOME_MESSAGE }, botId);
    });
    after(async () => {
      await server.close();
      await skill.close();
    });

    test("opening without adding the channel runs the welcome block on the first entry only", async () => {
      const first = await openRoom(server, channel.id, { anonymousId: anon(1) });
      assert.deepEqual(
        first.messages.map((m) => m.sender),
        ["bot"],
      );
      assert.match(texts(first.messages)[0] ?? "", /웰컴 블록/);
      assert.equal(first.user.isFriend, false);
      const again = await openRoom(server, channel.id, { anonymousId: anon(1) });
      assert.equal(again.roomId, first.roomId, "the same browser gets its room back");
      assert.equal(again.messages.length, 1, "re-entering does not run the welcome block again");
    });

    test("adding the channel shows the channel's welcome message, not the welcome block", async () => {
      const room = await openRoom(server, channel.id, { anonymousId: anon(2), addChannel: true });
      assert.deepEqual(
        room.messages.map((m) => [m.sender, m.body.text]),
        [["channel", WELCOME_MESSAGE]],
      );
      assert.equal(room.user.isFriend, true);
      // Adding again is a no-op; removing and adding again greets again (as a re-add does).
      const token = encodeURIComponent(room.token);
      const same = await api(server.baseUrl, "PUT", `/api/v1/chat/rooms/${room.roomId}/friend?token=${token}`, {
        body: { isFriend: true },
      });
      assert.equal((same.body as { messages: unknown[] }).messages.length, 1);
      const removed = await api(server.baseUrl, "PUT", `/api/v1/chat/rooms/${room.roomId}/friend?token=${token}`, {
        body: { isFriend: false },
      });
      assert.equal((removed.body as { user: { isFriend: boolean } }).user.isFriend, false);
      const readded = await api(server.baseUrl, "PUT", `/api/v1/chat/rooms/${room.roomId}/friend?token=${token}`, {
        body: { isFriend: true },
      });
      assert.deepEqual(
        (readded.body as { messages: Array<{ sender: string }> }).messages.map((m) => m.sender),
        ["channel", "channel"],
      );
    });

    test("adding the channel after the welcome block shows the channel welcome message in the same room", async () => {
      const room = await openRoom(server, channel.id, { anonymousId: anon(3) });
      const added = await api(server.baseUrl, "PUT", `/api/v1/chat/rooms/${room.roomId}/friend?token=${encodeURIComponent(room.token)}`, {
        body: { isFriend: true },
      });
      assert.deepEqual(
        (added.body as { messages: Array<{ sender: string }> }).messages.map((m) => m.sender),
        ["bot", "channel"],
      );
    });

    test("an AlimTalk profile does not run the welcome block on first entry", async () => {
      const alim = await createChannel(server, { name: "알림톡 채널", profileType: "alimtalk", welcomeMessage: "알림톡 채널이에요" });
      const dev = await api(server.baseUrl, "PUT", `/api/v1/channels/${alim.id}/connections/development`, {
        session: server.owner,
        body: { botId },
      });
      assert.equal(dev.status, 200, dev.text);
      const room = await openRoom(server, alim.id, { anonymousId: anon(4) });
      assert.deepEqual(room.messages, []);
      assert.equal(room.bot.available, true, "the development bot still answers messages");
      const sent = await say(server, room, { type: "text", text: "상담 안내" });
      assert.equal(sent.status, 200, sent.text);
    });

    test("room calls need the room token", async () => {
      const room = await openRoom(server, channel.id, { anonymousId: anon(5) });
      const res = await api(server.baseUrl, "POST", `/api/v1/chat/rooms/${room.roomId}/messages?token=wrong`, {
        body: { input: { type: "text", text: "안녕" } },
      });
      assert.equal(res.status, 401);
      assert.equal((res.body as { error: { code: string } }).error.code, "invalid_room_token");
    });

    test("identity keys: plusfriendUserKey per channel, botUserKey per bot, isFriend only when added", async () => {
      const userId = "member-42";
      const signature = signUserId(channel.secret, userId);
      const room = await openRoom(server, channel.id, { userId, signature });
      skill.payloads.length = 0;
      const first = await say(server, room, { type: "text", text: "나는 누구" });
      assert.equal(first.status, 200, first.text);
      const user1 = userRequestOf(skill, 0).user;
      assert.equal(user1.type, "botUserKey");
      assert.match(user1.id, /^[0-9a-f]{64}$/);
      assert.equal(user1.properties.plusfriendUserKey, room.user.plusfriendUserKey);
      assert.equal("isFriend" in user1.properties, false, "isFriend is absent (not false) before adding the channel");

      await api(server.baseUrl, "PUT", `/api/v1/chat/rooms/${room.roomId}/friend?token=${encodeURIComponent(room.token)}`, {
        body: { isFriend: true },
      });
      await say(server, room, { type: "text", text: "나는 누구" });
      const user2 = userRequestOf(skill, 1).user;
      assert.equal(user2.properties.isFriend, true);
      assert.equal(user2.id, user1.id, "the same person keeps the same botUserKey");

      // Same site user in another channel: a different plusfriendUserKey.
      const other = await createChannel(server, { name: "다른 채널" });
      const otherRoom = await openRoom(server, other.id, { userId, signature: signUserId(other.secret, userId) });
      assert.notEqual(otherRoom.user.plusfriendUserKey, room.user.plusfriendUserKey);

      // A forged signature is refused.
      const forged = await api(server.baseUrl, "POST", `/api/v1/chat/channels/${channel.id}/rooms`, { body: { userId, signature: "00" } });
      assert.equal(forged.status, 401);
    });

    test("button clicks and quick replies become block and message actions", async () => {
      const room = await openRoom(server, channel.id, { anonymousId: anon(6) });
      const quick = await say(server, room, { type: "action", source: "quickReply", action: "block", blockId: "help", label: "상담 안내" });
      assert.equal(quick.status, 200, quick.text);
      const messages = (quick.body as { messages: RoomViewMessages }).messages;
      assert.deepEqual(
        messages.map((m) => m.sender),
        ["user", "bot"],
      );
      assert.equal(messages[0]?.body.text, "상담 안내", "the label is shown as the user's bubble");
      assert.equal(texts(messages)[1], "상담 안내");
    });

    test("operator handoff: request, operator reply, hand back to the bot", async () => {
      const room = await openRoom(server, channel.id, { anonymousId: anon(7) });
      assert.equal(room.operator.available, true);
      const token = encodeURIComponent(room.token);
      const waiting = await api(server.baseUrl, "POST", `/api/v1/chat/rooms/${room.roomId}/operator?token=${token}`);
      assert.equal(waiting.status, 200, waiting.text);
      assert.equal((waiting.body as { mode: string }).mode, "waiting");

      const list = await api(server.baseUrl, "GET", `/api/v1/channels/${channel.id}/operator/rooms`, { session: server.owner });
      assert.deepEqual(
        (list.body as { rooms: Array<{ roomId: string; mode: string }> }).rooms.map((r) => [r.roomId, r.mode]),
        [[room.roomId, "waiting"]],
      );

      // While handed over, the user's text goes to the operator, not the bot.
      const held = await say(server, room, { type: "text", text: "환불 문의드려요" });
      assert.deepEqual(
        (held.body as { messages: RoomViewMessages }).messages.map((m) => m.sender),
        ["user"],
      );
      const reply = await api(server.baseUrl, "POST", `/api/v1/channels/${channel.id}/rooms/${room.roomId}/reply`, {
        session: server.owner,
        body: { text: "네, 도와드릴게요." },
      });
      assert.equal(reply.status, 200, reply.text);
      const history = await api(server.baseUrl, "GET", `/api/v1/chat/rooms/${room.roomId}/messages?token=${token}&after=${room.lastSeq}`);
      assert.deepEqual(
        (history.body as { messages: RoomViewMessages }).messages.map((m) => [m.sender, m.body.text ?? m.body.code]),
        [
          ["system", "상담원 연결을 요청했어요. 상담원이 곧 답변드릴게요."],
          ["user", "환불 문의드려요"],
          ["system", "상담원이 연결되었어요."],
          ["operator", "네, 도와드릴게요."],
        ],
      );
      const released = await api(server.baseUrl, "POST", `/api/v1/channels/${channel.id}/rooms/${room.roomId}/release`, {
        session: server.owner,
      });
      assert.equal((released.body as { mode: string }).mode, "bot");
      const back = await say(server, room, { type: "text", text: "상담 안내" });
      assert.deepEqual(
        (back.body as { messages: RoomViewMessages }).messages.map((m) => m.sender),
        ["user", "bot"],
      );
    });

    test("operator availability names each condition, and the chat input says so", async () => {
      const status = async (id: string) =>
        (await api(server.baseUrl, "GET", `/api/v1/channels/${id}/status`, { session: server.owner })).body as {
          operator: { available: boolean; message: string | null; reasons: Array<{ code: string }> };
          inputBlocked: string | null;
        };
      const ok = await status(channel.id);
      assert.equal(ok.operator.available, true);

      const noBot = await createChannel(server, { name: "봇 없는 채널" });
      const s1 = await status(noBot.id);
      assert.deepEqual(
        s1.operator.reasons.map((r) => r.code),
        ["no_bot"],
      );
      assert.equal(s1.operator.message, "상담원과의 대화가 불가능한 프로필입니다");
      const blockedRoom = await openRoom(server, noBot.id, { anonymousId: anon(8) });
      assert.equal(blockedRoom.inputBlocked, "상담원과의 대화가 불가능한 프로필입니다");
      const refused = await api(
        server.baseUrl,
        "POST",
        `/api/v1/chat/rooms/${blockedRoom.roomId}/operator?token=${encodeURIComponent(blockedRoom.token)}`,
      );
      assert.equal(refused.status, 409);
      assert.equal((refused.body as { error: { code: string } }).error.code, "operator_unavailable");

      const chatOff = await createChannel(server, { name: "1:1 채팅 끔", chatEnabled: false, profileType: "alimtalk" });
      assert.deepEqual(
        (await status(chatOff.id)).operator.reasons.map((r) => r.code),
        ["chat_disabled", "alimtalk_profile", "no_bot"],
      );

      // A connection to a bot that was deleted is reported as broken.
      const doomed = await importAndDeploy(server, deskBot(skill.url).replace("name: 상담 데스크", "name: 곧 삭제될 봇"));
      const brokenChannel = await createChannel(server, { name: "끊어진 채널" }, doomed);
      assert.equal((await status(brokenChannel.id)).operator.available, true);
      const del = await api(server.baseUrl, "DELETE", `/api/v1/bots/${doomed}`, { session: server.owner });
      assert.equal(del.status, 204, del.text);
      const broken = await status(brokenChannel.id);
      assert.deepEqual(
        broken.operator.reasons.map((r) => r.code),
        ["connection_broken"],
      );
      assert.equal(broken.inputBlocked, "상담원과의 대화가 불가능한 프로필입니다");
    });

    test("a callback answer arrives later in the same room", async () => {
      const room = await openRoom(server, channel.id, { anonymousId: anon(10) });
      const waiting = await say(server, room, { type: "text", text: "오래 걸리는 질문" });
      assert.equal(waiting.status, 200, waiting.text);
      assert.deepEqual(texts((waiting.body as { messages: RoomViewMessages }).messages), [
        "오래 걸리는 질문",
        "답변을 준비하고 있어요. 잠시만 기다려 주세요.",
      ]);
      const callbackUrl = userRequestOf(skill, -1).callbackUrl ?? assert.fail("the skill got no callbackUrl");
      const live = readEvents(`${server.baseUrl}/api/v1/chat/rooms/${room.roomId}/events?token=${encodeURIComponent(room.token)}&after=3`, {
        until: (events) => events.some((e) => e.event === "message"),
      });
      await new Promise((r) => setTimeout(r, 100));
      const posted = await fetch(callbackUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ version: "2.0", template: { outputs: [{ simpleText: { text: "기다려 주셔서 고마워요. 답변이에요!" } }] } }),
      });
      assert.equal(posted.status, 200, await posted.text());
      const events = await live;
      const message = events.find((e) => e.event === "message");
      assert.equal(message?.id, "4");
      assert.deepEqual(texts([message?.data as RoomViewMessages[number]]), ["기다려 주셔서 고마워요. 답변이에요!"]);
    });

    test("SSE: a reconnect with Last-Event-ID gets every missed message once", async () => {
      const room = await openRoom(server, channel.id, { anonymousId: anon(9) });
      const base = `${server.baseUrl}/api/v1/chat/rooms/${room.roomId}/events?token=${encodeURIComponent(room.token)}`;
      // First connection: sees the welcome message (seq 1) then disconnects.
      const firstRun = await readEvents(base, { until: (events) => events.some((e) => e.event === "ready") });
      const seen = firstRun.filter((e) => e.event === "message").map((e) => Number(e.id));
      assert.deepEqual(seen, [1]);
      // While offline, the user chats (from another tab) and gets answers.
      await say(server, room, { type: "text", text: "상담 안내" });
      await say(server, room, { type: "text", text: "무슨 말인지" });
      // Reconnect with Last-Event-ID 1, then one more message arrives live.
      const reconnect = readEvents(base, {
        headers: { "last-event-id": "1" },
        until: (events) => events.filter((e) => e.event === "message").length >= 6,
      });
      await new Promise((r) => setTimeout(r, 150));
      await say(server, room, { type: "text", text: "상담 안내" });
      const events = await reconnect;
      const ids = events.filter((e) => e.event === "message").map((e) => Number(e.id));
      assert.deepEqual(ids, [2, 3, 4, 5, 6, 7]);
      const typing = events.filter((e) => e.event === "typing").map((e) => (e.data as { on: boolean }).on);
      assert.deepEqual(typing, [true, false], "the typing indicator goes on and off around the live turn");
    });
  });
}

type RoomViewMessages = Array<{ seq: number; sender: string; body: Record<string, unknown> }>;
