/**
 * The channel admin page (/channels) in a real browser: create a channel, edit its profile and
 * channel home, connect and disconnect bots and watch their states, see which conditions make the
 * room show "상담원과의 대화가 불가능한 프로필입니다", copy the embed snippet, land on #home from a
 * link; and a viewer reads everything without write controls.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { browserSkipReason, ensureWebBuild, launchBrowser, startWebServer } from "../browser/web-server.js";
import { screenshotPath } from "../helpers/chromium.js";
import { api, login, OWNER, type Session } from "../helpers/server.js";

const skip = browserSkipReason();
const VIEWER = { email: "viewer@example.com", password: "viewer-password-1", name: "Viewer" };
const BLOCKED = "상담원과의 대화가 불가능한 프로필입니다";

interface ChannelBody {
  id: string;
  intro: string;
  phone: string;
  address: string;
  profileImageUrl: string | null;
  home: { links?: Array<{ label: string; url: string }>; public?: boolean };
  profileType: string;
  chatEnabled: boolean;
}

describe("channel admin (browser)", { skip: skip ?? false, timeout: 60_000 }, () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let owner: Session;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let liveBotId = "";
  let channelId = "";

  async function signedInContext(session: Session, lang?: "en"): Promise<BrowserContext> {
    const ctx = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: "ko-KR" });
    const eq = session.cookie.indexOf("=");
    await ctx.addCookies([{ name: session.cookie.slice(0, eq), value: session.cookie.slice(eq + 1), url: server.baseUrl }]);
    if (lang) await ctx.addInitScript(`localStorage.setItem("botcenter.lang", "${lang}")`);
    return ctx;
  }

  async function createBot(name: string, deploy: boolean): Promise<string> {
    const created = await api(server.baseUrl, "POST", "/api/v1/bots", { session: owner, body: { workspaceId: server.workspaceId, name } });
    assert.equal(created.status, 201, created.text);
    const id = (created.body as { id: string }).id;
    if (deploy) {
      const deployed = await api(server.baseUrl, "POST", `/api/v1/bots/${id}/deploy`, { session: owner, body: { note: "test" } });
      assert.ok(deployed.status < 300, deployed.text);
    }
    return id;
  }

  async function channelFromApi(): Promise<ChannelBody> {
    const res = await api(server.baseUrl, "GET", `/api/v1/channels/${channelId}`, { session: owner });
    assert.equal(res.status, 200, res.text);
    return res.body as ChannelBody;
  }

  const reasons = (testId: string) => page.getByTestId(testId).locator("[data-reason]");
  async function reasonCodes(testId: string): Promise<string[]> {
    return (await reasons(testId).evaluateAll((els) => els.map((e) => e.getAttribute("data-reason") ?? ""))).sort();
  }

  before(async () => {
    ensureWebBuild();
    server = await startWebServer();
    owner = await login(server.baseUrl, OWNER.email, OWNER.password);
    liveBotId = await createBot("상담봇", true);
    await createBot("개발봇", false);
    const invited = await api(server.baseUrl, "POST", `/api/v1/workspaces/${server.workspaceId}/members`, {
      session: owner,
      body: { ...VIEWER, role: "viewer" },
    });
    assert.equal(invited.status, 201, invited.text);
    browser = await launchBrowser();
    context = await signedInContext(owner);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.baseUrl });
    page = await context.newPage();
    page.setDefaultTimeout(8_000);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("creates a channel; with no bot the room is blocked and the page says why", async () => {
    await page.goto(`${server.baseUrl}/channels`);
    await page.getByText("아직 채널이 없어요").waitFor();
    assert.equal(await page.locator("#profile").count(), 1, "the #profile anchor exists before any channel");
    await page.getByRole("button", { name: "새 채널" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("채널 이름").fill("다온마켓");
    await dialog.getByRole("button", { name: "만들기" }).click();
    await page.getByRole("heading", { name: "다온마켓", level: 3 }).waitFor();
    channelId = new URL(page.url()).searchParams.get("channel") ?? "";
    assert.ok(channelId, "the selected channel is in the URL");
    await page.getByTestId("status-input-blocked").getByText(BLOCKED).waitFor();
    assert.deepEqual(await reasonCodes("status-bot"), ["no_bot"]);
    assert.deepEqual(await reasonCodes("status-operator"), ["no_bot"]);
  });

  test("edits the channel's own profile and channel home, with the note about the bot's copy", async () => {
    const profile = page.locator("#profile");
    await profile.getByTestId("bot-copy-note").getByText("봇이 가진 별도의 사본", { exact: false }).waitFor();
    await profile.getByLabel("프로필 이미지 URL").fill("https://example.com/logo.png");
    await profile.getByLabel("소개").fill("동네 마켓 고객센터");
    await profile.getByLabel("전화번호").fill("02-555-0100");
    await profile.getByLabel("주소").fill("서울시 마포구 1");
    await profile.getByTestId("save-profile").click();
    await page.getByText("저장했어요").first().waitFor();

    const home = page.locator("#home");
    await home.getByRole("switch", { name: "채널 홈 공개 (검색에 노출)" }).check();
    await home.getByRole("button", { name: "링크 추가" }).click();
    await home.getByLabel("링크 이름").fill("온라인 스토어");
    await home.getByLabel("링크 URL").fill("https://shop.example.com");
    const patched = page.waitForResponse((r) => r.url().endsWith(`/channels/${channelId}`) && r.request().method() === "PATCH");
    await home.getByTestId("save-home").click();
    assert.equal((await patched).status(), 200);

    const saved = await channelFromApi();
    assert.equal(saved.intro, "동네 마켓 고객센터");
    assert.equal(saved.phone, "02-555-0100");
    assert.equal(saved.address, "서울시 마포구 1");
    assert.equal(saved.profileImageUrl, "https://example.com/logo.png");
    assert.deepEqual(saved.home.links, [{ label: "온라인 스토어", url: "https://shop.example.com" }]);
    assert.equal(saved.home.public, true);
  });

  test("connects the operating and development bots and shows each state", async () => {
    const operating = page.getByTestId("connection-operating");
    await operating.getByLabel("운영 봇 연결할 봇").click();
    await page.getByRole("option", { name: "상담봇", exact: true }).click();
    await operating.getByRole("button", { name: "연결", exact: true }).click();
    await operating.getByText("연결됨", { exact: true }).waitFor();
    await page.getByTestId("status-bot").getByText("가능", { exact: true }).waitFor();

    const development = page.getByTestId("connection-development");
    await development.getByLabel("개발 봇 연결할 봇").click();
    await page.getByRole("option", { name: "개발봇", exact: true }).click();
    await development.getByRole("button", { name: "연결", exact: true }).click();
    await development.getByText("배포 전", { exact: true }).waitFor();

    const saved = await channelFromApi();
    assert.equal((saved as unknown as { operatingBotId: string }).operatingBotId, liveBotId);
    // With a deployed operating bot and 1:1 chat on, nothing blocks the room.
    assert.equal(await page.getByTestId("status-input-blocked").count(), 0);
    assert.deepEqual(await reasonCodes("status-operator"), []);
  });

  test("AlimTalk profile and 1:1 chat off: the page lists both conditions behind the sentence", async () => {
    const chat = page.getByTestId("channel-chat");
    await chat.getByText("알림톡", { exact: true }).click();
    await chat.getByRole("switch", { name: "1:1 채팅 사용" }).uncheck();
    await chat.getByTestId("save-chat").click();
    await page.getByTestId("status-operator-message").getByText(BLOCKED).waitFor();
    assert.deepEqual(await reasonCodes("status-operator"), ["alimtalk_profile", "chat_disabled"]);
    // The bot still answers, so the input stays open; only the operator is out of reach.
    assert.deepEqual(await reasonCodes("status-bot"), []);
    const saved = await channelFromApi();
    assert.equal(saved.profileType, "alimtalk");
    assert.equal(saved.chatEnabled, false);
    await page.screenshot({ path: screenshotPath("channels-admin.png"), fullPage: true });
  });

  test("disconnecting the operating bot leaves the undeployed development bot answering nothing", async () => {
    await page.getByRole("button", { name: "운영 봇 연결 해제" }).click();
    await page.getByTestId("connection-operating").getByText("연결 안 됨", { exact: true }).waitFor();
    await page.getByTestId("status-bot").locator('[data-reason="not_deployed"]').waitFor();
    await page.getByTestId("status-input-blocked").getByText(BLOCKED).waitFor();
  });

  test("shows the chat URL, a copyable one-line embed and the operator console link", async () => {
    const url = `${server.baseUrl}/chat/${channelId}`;
    assert.equal(await page.getByTestId("chat-url").textContent(), url);
    const snippet = `<script src="${server.baseUrl}/chat/embed.js" data-channel="${channelId}"></script>`;
    assert.equal(await page.getByTestId("embed-snippet").textContent(), snippet);
    await page.getByTestId("copy-embed").click();
    await page.getByTestId("copy-embed").getByText("복사됨").waitFor();
    assert.equal(await page.evaluate("navigator.clipboard.readText()"), snippet);
    assert.equal(await page.getByTestId("operator-console-link").getAttribute("href"), `/chat/operator/${channelId}`);
  });

  test("a link to /channels#home lands on the channel home section", async () => {
    await page.goto(`${server.baseUrl}/channels#home`);
    await page.locator("#home").getByLabel("커버 이미지 URL").waitFor();
    // The section's top sits just under the fixed header (scroll-margin), not far down the page.
    await page.waitForFunction(`(() => {
      const top = document.getElementById("home")?.getBoundingClientRect().top ?? -1;
      return top >= 0 && top < 200;
    })()`);
  });

  test("a viewer reads the channel without write controls, in English too", async () => {
    const viewer = await login(server.baseUrl, VIEWER.email, VIEWER.password);
    const ctx = await signedInContext(viewer, "en");
    const p = await ctx.newPage();
    p.setDefaultTimeout(8_000);
    await p.goto(`${server.baseUrl}/channels`);
    await p.getByRole("heading", { name: "Channels", level: 2 }).waitFor();
    await p.getByTestId("channels-read-only").waitFor();
    await p.locator("#profile").getByText("02-555-0100").waitFor();
    await p
      .getByTestId("status-operator")
      .locator('[data-reason="alimtalk_profile"]')
      .getByText("An AlimTalk profile", { exact: false })
      .waitFor();
    assert.equal(await p.getByRole("button", { name: "New channel" }).count(), 0);
    assert.equal(await p.getByRole("button", { name: "Save" }).count(), 0);
    assert.equal(await p.getByRole("button", { name: "Disconnect" }).count(), 0);
    assert.equal(await p.getByTestId("operator-console-link").count(), 0);
    await p.screenshot({ path: screenshotPath("channels-viewer-en.png"), fullPage: true });
    await ctx.close();
  });
});
