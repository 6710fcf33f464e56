/**
 * The editor screens the help articles point at, in a real browser: the skill error log (a refused
 * skill call with its explained reason), the gateway secret shown once, an event block's name, and a
 * block's callback waiting text surviving a save.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { createBotFile } from "../../src/core/bot/defaults.js";
import { blockSchema, skillDefinitionSchema } from "../../src/core/bot/schema.js";
import { api, OWNER } from "../helpers/server.js";
import { browserSkipReason, ensureWebBuild, launchBrowser, startWebServer } from "./web-server.js";

const skip = browserSkipReason();

describe("editor extras (browser)", { skip: skip ?? false, timeout: 60_000 }, () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;
  let page: Page;
  let botId: string;
  const skill = skillDefinitionSchema.parse({ id: "order-skill", name: "주문 조회 스킬", url: "http://127.0.0.1:9/x" });
  const orderBlock = blockSchema.parse({
    id: "order-block",
    name: "주문 조회",
    utterances: ["주문 조회"],
    skill: skill.id,
    useSkillData: true,
    allowCallback: true,
  });

  before(async () => {
    ensureWebBuild();
    server = await startWebServer();
    const file = createBotFile({ name: "부가 화면 봇" });
    const draft = {
      ...file,
      skills: [skill],
      scenarios: file.scenarios.map((s) => (s.default ? { ...s, blocks: [...s.blocks, orderBlock] } : s)),
    };
    botId = (await server.store.bots.create(server.workspaceId, draft)).id;
    // Port 9 (discard) is closed here, so the call fails with connection_refused and is logged.
    const res = await api(server.baseUrl, "POST", `/api/v1/bots/${botId}/skills/${skill.id}/test`, {
      session: server.owner,
      body: { utterance: "주문 조회" },
    });
    assert.equal(res.status, 200, res.text);
    assert.equal((res.body as { reason: string }).reason, "connection_refused");
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ko-KR" });
    page.setDefaultTimeout(10_000);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("log in through the form", async () => {
    await page.goto(`${server.baseUrl}/bots`);
    await page.waitForURL("**/login");
    await page.getByLabel("이메일").fill(OWNER.email);
    await page.getByLabel("비밀번호").fill(OWNER.password);
    await page.getByRole("button", { name: "로그인" }).click();
    await page.getByRole("heading", { name: "봇 목록" }).waitFor();
  });

  test("the skill log shows the refused call with its reason explained", async () => {
    await page.goto(`${server.baseUrl}/bots/${botId}/skills`);
    const log = page.getByTestId("skill-log");
    await log.getByRole("heading", { name: "스킬 오류 내역" }).waitFor();
    const row = log.getByTestId("skill-log-row").first();
    await row.waitFor();
    assert.equal(await log.getByTestId("skill-log-row").count(), 1);
    const text = (await row.textContent()) ?? "";
    assert.match(text, /주문 조회 스킬/, "skill name instead of its id");
    assert.equal(((await row.getByRole("cell").nth(2).textContent()) ?? "").trim(), "주문 조회", "block name");
    assert.match(text, /connection_refused/);
    assert.match(text, /연결 거부/, "Korean explanation of the reason");
    assert.match(text, /실패/);
    // The test-header field sits in the skill editor beside the headers.
    await page.getByLabel("테스트 헤더 값").waitFor();
  });

  test("turning the gateway on shows the secret once", async () => {
    await page.goto(`${server.baseUrl}/bots/${botId}/settings`);
    const section = page.getByTestId("gateway-section");
    await section.getByTestId("gateway-status").filter({ hasText: "꺼짐" }).waitFor();
    await section.getByRole("button", { name: "게이트웨이 켜기" }).click();
    const dialog = page.getByRole("dialog", { name: "게이트웨이 비밀값" });
    const secret = ((await dialog.getByTestId("gateway-secret-value").textContent()) ?? "").trim();
    assert.ok(secret.length >= 16, `secret looks too short: ${secret}`);
    assert.equal(((await dialog.getByTestId("gateway-secret-header-value").textContent()) ?? "").trim(), "x-botcenter-gateway-secret");
    assert.match((await dialog.getByTestId("gateway-secret-url-value").textContent()) ?? "", new RegExp(`/kakao/v2/bots/${botId}/skill$`));
    await dialog.getByRole("button", { name: "복사했어요" }).click();
    await dialog.waitFor({ state: "hidden" });
    await section.getByTestId("gateway-status").filter({ hasText: "켜짐" }).waitFor();
    await section.getByRole("button", { name: "비밀값 다시 만들기" }).waitFor();
    // Once closed, the secret is nowhere on the page.
    assert.equal(await page.getByText(secret).count(), 0);
    const status = await api(server.baseUrl, "GET", `/api/v1/bots/${botId}/gateway`, { session: server.owner });
    assert.equal((status.body as { enabled: boolean }).enabled, true);
  });

  test("an event block added from the tree gets a validated, unique event name", async () => {
    await page.goto(`${server.baseUrl}/bots/${botId}`);
    await page.getByRole("button", { name: "기본 시나리오 메뉴" }).click();
    await page.getByRole("menuitem", { name: "이벤트 블록 추가" }).click();
    const eventName = page.getByLabel("이벤트 이름");
    await eventName.waitFor();
    assert.equal(await eventName.inputValue(), "event");
    await eventName.fill("주문 알림");
    await page.getByText("영문, 숫자, '_', '.', '-'만 1~64자로 쓸 수 있어요.").waitFor();
    await eventName.fill("order.shipped");
    assert.equal(await page.getByText("영문, 숫자, '_', '.', '-'만 1~64자로 쓸 수 있어요.").count(), 0);
    await page.getByTestId("output-0").getByLabel("텍스트").fill("배송을 시작했어요.");
    await page.getByRole("button", { name: "저장", exact: true }).click();
    await page.getByTestId("unsaved-badge").waitFor({ state: "hidden" });
    const saved = await server.store.bots.get(botId);
    const events = saved?.draft.scenarios.flatMap((s) => s.blocks).filter((b) => b.type === "event") ?? [];
    assert.deepEqual(
      events.map((b) => b.eventName),
      ["order.shipped"],
    );
  });

  test("the callback waiting text persists after save", async () => {
    await page.goto(`${server.baseUrl}/bots/${botId}?block=${orderBlock.id}`);
    const waiting = page.getByLabel("콜백 대기 메시지");
    assert.equal(await waiting.getAttribute("placeholder"), "답변을 준비하고 있어요. 잠시만 기다려 주세요.");
    await waiting.fill("{{#webhook.name}}님 주문을 찾고 있어요.");
    await page.getByRole("button", { name: "저장", exact: true }).click();
    await page.getByTestId("unsaved-badge").waitFor({ state: "hidden" });
    await page.reload();
    await page.getByLabel("콜백 대기 메시지").waitFor();
    assert.equal(await page.getByLabel("콜백 대기 메시지").inputValue(), "{{#webhook.name}}님 주문을 찾고 있어요.");
    const saved = await server.store.bots.get(botId);
    const block = saved?.draft.scenarios.flatMap((s) => s.blocks).find((b) => b.id === orderBlock.id);
    assert.equal(block?.callbackWaitingText, "{{#webhook.name}}님 주문을 찾고 있어요.");
  });

  test("a viewer sees the log and the gateway state but is offered no write", async () => {
    const member = await api(server.baseUrl, "POST", `/api/v1/workspaces/${server.workspaceId}/members`, {
      session: server.owner,
      body: { email: "viewer@example.com", role: "viewer", password: "viewer-password-1", name: "뷰어" },
    });
    assert.ok(member.status < 300, member.text);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const viewer = await context.newPage();
    await viewer.goto(`${server.baseUrl}/login`);
    await viewer.getByLabel("이메일").fill("viewer@example.com");
    await viewer.getByLabel("비밀번호").fill("viewer-password-1");
    await viewer.getByRole("button", { name: "로그인" }).click();
    await viewer.getByRole("heading", { name: "봇 목록" }).waitFor();
    await viewer.goto(`${server.baseUrl}/bots/${botId}/settings`);
    await viewer.getByTestId("gateway-status").filter({ hasText: "켜짐" }).waitFor();
    await viewer.getByText("게이트웨이를 켜고 끄려면 편집자 이상의 권한이 필요해요.").waitFor();
    for (const name of ["게이트웨이 켜기", "비밀값 다시 만들기", "끄기"]) {
      assert.equal(await viewer.getByRole("button", { name, exact: true }).count(), 0, name);
    }
    await viewer.goto(`${server.baseUrl}/bots/${botId}/skills`);
    await viewer.getByTestId("skill-log-row").first().waitFor();
    assert.equal(await viewer.getByLabel("테스트 헤더 값").isDisabled(), true);
    await context.close();
  });
});
