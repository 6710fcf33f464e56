/**
 * The embedded web chat in a real browser: a customer site with the one-line embed script, the
 * shop bot's reservation flow, a card button and a quick reply, the operator handoff answered from
 * the operator console, and a profile that cannot talk to an operator.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { parse, stringify } from "yaml";
import { browserSkipReason, launchChromium, screenshotPath } from "../helpers/chromium.js";
import {
  api,
  createChannel,
  importAndDeploy,
  type SkillRecorder,
  startChatServer,
  startSkillRecorder,
  type TestServer,
  userRequestOf,
} from "./helpers.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const skip = browserSkipReason();

/** The shop bot plus a block with an `operator` button and one answered by callback (the sample has neither). */
function shopBotForChat(callbackSkillUrl: string): string {
  const bot = parse(readFileSync(join(ROOT, "bots", "shop", "bot.yaml"), "utf8"));
  bot.skills.push({ id: "slow-stock", name: "재고 확인 스킬", url: callbackSkillUrl });
  bot.scenarios[0].blocks.push({
    id: "stock-check",
    name: "재고 확인",
    utterances: ["재고 확인", "재고 있어요", "재고 확인해 주세요"],
    skill: "slow-stock",
    useSkillData: true,
    allowCallback: true,
    callbackWaitingText: "재고를 확인하고 있어요. 잠시만 기다려 주세요.",
  });
  bot.scenarios[0].blocks.push({
    id: "operator-help",
    name: "상담원 안내",
    utterances: ["상담원", "상담원과 이야기할래요", "사람이랑 얘기하고 싶어요"],
    outputs: [
      {
        textCard: {
          title: "상담원 연결",
          description: "상담원과 대화하려면 아래 버튼을 눌러 주세요.",
          buttons: [{ label: "상담원 연결하기", action: "operator" }],
        },
      },
    ],
  });
  return stringify(bot);
}

function buildChat(outDir: string): void {
  const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
  const result = spawnSync(
    process.execPath,
    [vite, "build", "--config", join(ROOT, "web", "chat", "vite.config.ts"), "--logLevel", "warn"],
    {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, BOTCENTER_CHAT_OUT_DIR: outDir },
    },
  );
  if (result.status !== 0) throw new Error("building the web chat (vite build) failed");
}

/** The customer's own site on another origin, embedding the chat with one script tag. */
async function startCustomerSite(botcenter: string, channelId: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(`<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>다온마켓</title></head>
<body><h1>다온마켓 쇼핑몰</h1><p>고객센터 챗봇을 이용해 보세요.</p>
<script src="${botcenter}/chat/embed.js" data-channel="${channelId}"></script></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

async function lastBotText(chat: FrameLocator): Promise<string> {
  return ((await chat.getByTestId("bot-message").last().textContent()) ?? "").trim();
}

describe("embedded web chat in Chromium", { skip }, () => {
  let skill: SkillRecorder;
  let server: TestServer;
  let browser: Browser;
  let outDir: string;
  let shopChannel: { id: string };
  let closeSite: (() => Promise<void>) | undefined;

  before(async () => {
    outDir = mkdtempSync(join(tmpdir(), "botcenter-chat-"));
    buildChat(outDir);
    server = await startChatServer(outDir);
    skill = await startSkillRecorder();
    const botId = await importAndDeploy(server, shopBotForChat(skill.url));
    shopChannel = await createChannel(
      server,
      { name: "다온마켓", intro: "생활용품 쇼핑몰", welcomeMessage: "다온마켓 채널을 추가해 주셔서 고마워요! 🎁" },
      botId,
    );
    browser = await launchChromium();
  });

  after(async () => {
    await closeSite?.();
    await browser?.close();
    await server?.close();
    await skill?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  test("chat through the reservation flow, buttons, quick replies and an operator handoff", async () => {
    const site = await startCustomerSite(server.baseUrl, shopChannel.id);
    closeSite = site.close;
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: "ko-KR" });
    const page: Page = await context.newPage();
    await page.goto(site.url);
    await page.getByRole("button", { name: "채팅 상담" }).click();
    const chat = page.frameLocator("iframe.bc-chat-frame");

    // First entry without adding the channel: the bot's welcome block.
    await chat.getByText("안녕하세요, 다온마켓 고객센터예요!").waitFor();
    // Adding the channel: the channel's own welcome message.
    await chat.getByRole("button", { name: "채널 추가", exact: true }).click();
    await chat.getByText("다온마켓 채널을 추가해 주셔서 고마워요!").waitFor();
    await chat.getByRole("button", { name: "채널 추가됨 ✓" }).waitFor();

    // The reservation parameter flow.
    const input = chat.getByLabel("메시지 입력");
    const sendText = async (text: string, expect: string | RegExp) => {
      await input.fill(text);
      await input.press("Enter");
      await chat.getByTestId("bot-message").last().getByText(expect).waitFor();
    };
    await sendText("방문 예약", /방문하실 날짜를 알려 주세요/);
    await sendText("내일", /몇 시에 방문하실까요/);
    await sendText("오후 3시", /몇 분이 방문하시나요/);
    await sendText("2명", /방문 예약을 접수했어요/);
    assert.match(await lastBotText(chat), /강남점 .* 15:00, 2명 방문 예약을 접수했어요/);

    // A card button (block action), then a quick reply (message action).
    await chat.getByTestId("bot-message").last().getByRole("button", { name: "영업시간 보기" }).click();
    await chat
      .getByTestId("bot-message")
      .last()
      .getByText(/평일 오전 10시부터/)
      .waitFor();
    await chat.getByRole("toolbar", { name: "바로가기 응답" }).getByRole("button", { name: "배송 조회" }).click();
    await chat.getByTestId("bot-message").last().getByText("최근 주문의 배송 상태는", { exact: false }).waitFor();
    assert.equal(((await chat.getByTestId("user-message").last().textContent()) ?? "").trim(), "배송 조회");

    // A skill that answers by callback: the waiting text first, the answer later in the same room.
    await sendText("재고 확인", "재고를 확인하고 있어요. 잠시만 기다려 주세요.");
    const callbackUrl = userRequestOf(skill, -1).callbackUrl ?? assert.fail("the skill got no callbackUrl");
    const posted = await fetch(callbackUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        version: "2.0",
        template: { outputs: [{ simpleText: { text: "무선 이어폰은 강남점에 3개 남아 있어요." } }] },
      }),
    });
    assert.equal(posted.status, 200, await posted.text());
    await chat.getByTestId("bot-message").last().getByText("무선 이어폰은 강남점에 3개 남아 있어요.").waitFor();

    // Operator handoff: the operator button in a card.
    await sendText("상담원", "상담원과 대화하려면 아래 버튼을 눌러 주세요.");
    await chat.getByTestId("bot-message").last().getByRole("button", { name: "상담원 연결하기" }).click();
    await chat.getByText("상담원 연결을 요청했어요.", { exact: false }).waitFor();
    await input.fill("환불 문의드려요");
    await input.press("Enter");
    await chat.getByTestId("user-message").last().getByText("환불 문의드려요").waitFor();

    // The operator answers from the console (signed in as the owner).
    const [name, value] = server.owner.cookie.split("=");
    await context.addCookies([{ name: name ?? "", value: value ?? "", url: server.baseUrl }]);
    const consolePage = await context.newPage();
    await consolePage.goto(`${server.baseUrl}/chat/operator/${shopChannel.id}`);
    await consolePage.getByTestId("operator-room").first().click();
    await consolePage.getByText("환불 문의드려요").last().waitFor();
    await consolePage.getByLabel("상담원 답변").fill("안녕하세요, 상담원입니다. 환불 도와드릴게요.");
    await consolePage.getByRole("button", { name: "보내기" }).click();
    await chat.getByText("안녕하세요, 상담원입니다. 환불 도와드릴게요.").waitFor();
    await chat.getByText("상담원이 연결되었어요.").waitFor();

    // Hand back to the bot: the bot answers again.
    await consolePage.getByRole("button", { name: "챗봇에게 돌려주기" }).click();
    await chat.getByText("상담이 끝나 챗봇이 다시 답변해요.").waitFor();
    await sendText("영업시간", /평일 오전 10시부터/);
    await page.screenshot({ path: screenshotPath("web-chat-embedded.png") });

    // History survives a reload.
    await page.reload();
    await page.getByRole("button", { name: "채팅 상담" }).click();
    await chat.getByText("안녕하세요, 상담원입니다. 환불 도와드릴게요.").waitFor();
    assert.equal(await chat.getByText("안녕하세요, 다온마켓 고객센터예요!").count(), 1, "the welcome block ran once");
    await context.close();
  });

  test("a profile that cannot talk to an operator says so in the input", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 760 }, locale: "ko-KR", isMobile: true });
    const page = await context.newPage();
    // No bot connected: nobody can answer, the input is blocked with the message.
    const lonely = await createChannel(server, { name: "봇 없는 채널" });
    await page.goto(`${server.baseUrl}/chat/${lonely.id}`);
    const blocked = page.getByLabel("메시지 입력");
    await blocked.waitFor();
    assert.equal(await blocked.getAttribute("placeholder"), "상담원과의 대화가 불가능한 프로필입니다");
    assert.equal(await blocked.isDisabled(), true);

    // 1:1 chat off (an AlimTalk-type profile): the bot answers, but the operator button is refused.
    const shopBot = (await api(server.baseUrl, "GET", `/api/v1/bots`, { session: server.owner })).body as { bots: Array<{ id: string }> };
    const alim = await createChannel(server, { name: "알림톡 프로필", profileType: "alimtalk", chatEnabled: false });
    const dev = await api(server.baseUrl, "PUT", `/api/v1/channels/${alim.id}/connections/development`, {
      session: server.owner,
      body: { botId: shopBot.bots[0]?.id },
    });
    assert.equal(dev.status, 200, dev.text);
    await page.goto(`${server.baseUrl}/chat/${alim.id}`);
    const input = page.getByLabel("메시지 입력");
    await input.waitFor();
    assert.equal(await page.getByTestId("bot-message").count(), 0, "no welcome block on an AlimTalk profile");
    assert.equal(await page.getByRole("button", { name: "상담원 연결", exact: true }).count(), 0, "no 상담원 연결 menu with 1:1 chat off");
    // The input area says so up front, while the bot keeps answering typed text.
    await page.getByTestId("operator-unavailable").getByText("상담원과의 대화가 불가능한 프로필입니다").waitFor();
    assert.equal(await input.isDisabled(), false);
    await input.fill("상담원");
    await input.press("Enter");
    await page.getByTestId("bot-message").last().getByRole("button", { name: "상담원 연결하기" }).click();
    await page.getByTestId("notice").getByText("상담원과의 대화가 불가능한 프로필입니다").waitFor();
    await page.screenshot({ path: screenshotPath("web-chat-operator-unavailable.png") });
    await context.close();
  });
});
