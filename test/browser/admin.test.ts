/**
 * The admin center end to end in a real browser: log in, create a bot with the chatbot helper, add a
 * block (utterances, a parameter, a basic card with buttons), test it in the simulator, deploy twice
 * and roll back. Screenshots of the main screens go to test-artifacts/screenshots.
 */
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { OWNER } from "../helpers/server.js";
import { browserSkipReason, ensureWebBuild, launchBrowser, SCREENSHOTS, startWebServer } from "./web-server.js";

const skip = browserSkipReason();
const HIDE_TOASTS = `(() => {
  const style = document.createElement("style");
  style.id = "hide-toasts";
  style.textContent = ".mantine-Notifications-root { display: none !important; }";
  document.head.append(style);
})()`;

describe("admin center (browser)", { skip: skip ?? false, timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;
  let page: Page;

  before(async () => {
    ensureWebBuild();
    server = await startWebServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: "ko-KR" });
    page.setDefaultTimeout(10_000);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Screenshots leave out the toasts so they show the screen itself. */
  async function shot(name: string, on: Page = page) {
    await on.evaluate(HIDE_TOASTS);
    await on.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    await on.evaluate("document.getElementById('hide-toasts')?.remove()");
  }

  /** Mantine selects: open by label, then pick the option by its visible text. */
  async function choose(scope: ReturnType<Page["locator"]> | Page, label: string, option: string) {
    await scope.getByLabel(label, { exact: true }).first().click();
    await page.getByRole("option", { name: option, exact: true }).click();
  }

  test("log in through the form", async () => {
    await page.goto(`${server.baseUrl}/bots`);
    await page.waitForURL("**/login");
    await page.getByLabel("이메일").fill(OWNER.email);
    await page.getByLabel("비밀번호").fill("wrong-password-0");
    await page.getByRole("button", { name: "로그인" }).click();
    await page.getByText("이메일 또는 비밀번호가 올바르지 않아요.").waitFor();
    await shot("01-login");
    await page.getByLabel("비밀번호").fill(OWNER.password);
    await page.getByRole("button", { name: "로그인" }).click();
    await page.getByRole("heading", { name: "봇 목록" }).waitFor();
    await page.getByText("아직 봇이 없어요").waitFor();
  });

  test("create a bot with the chatbot helper", async () => {
    await page.getByRole("button", { name: "챗봇 도우미" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByTestId("template-shop").click();
    await shot("02-helper-templates");
    await dialog.getByRole("button", { name: "다음" }).click();
    await dialog.getByLabel("봇 이름").fill("우리가게 고객센터");
    await dialog.getByLabel("전화번호").fill("02-123-4567");
    await dialog.getByLabel("주소").fill("서울시 중구 세종대로 1");
    await dialog.getByTestId("helper-copy-note").waitFor();
    await dialog.getByRole("button", { name: "다음" }).click();
    await dialog.getByRole("button", { name: "봇 만들기" }).click();
    await page.getByTestId("bot-title").filter({ hasText: "우리가게 고객센터" }).waitFor();
    // The template's blocks are there, with the system blocks first.
    await page
      .getByRole("link", { name: /배송 조회/ })
      .or(page.getByText("배송 조회", { exact: true }))
      .first()
      .waitFor();
    await page.getByText("웰컴 블록").first().waitFor();
    // The helper also made the channel from the entered phone and address, deployed v1 and connected it.
    const channel = (await server.store.channels.list(server.workspaceId)).find((c) => c.name === "우리가게 고객센터");
    assert.ok(channel, "the helper created a channel");
    assert.equal(channel.phone, "02-123-4567");
    assert.equal(channel.address, "서울시 중구 세종대로 1");
    assert.ok(channel.operatingBotId);
    assert.equal((await server.store.bots.summary(channel.operatingBotId))?.deployedVersion, 1);
  });

  test("add a block with utterances, a parameter and a basic card with buttons", async () => {
    await page.getByRole("button", { name: "주문 문의 메뉴" }).click();
    await page.getByRole("menuitem", { name: "블록 추가", exact: true }).click();
    const name = page.getByLabel("블록 이름");
    // The new block opens once the router has taken the ?block= change.
    await page.locator('[aria-current="page"]', { hasText: "새 블록" }).waitFor();
    assert.equal(await name.inputValue(), "새 블록");
    await name.fill("영업시간 안내");
    const utterance = page.getByLabel("발화 예시");
    for (const u of ["영업시간 알려줘", "몇 시까지 해요", "오늘 문 열어요"]) {
      await utterance.fill(u);
      await utterance.press("Enter");
    }
    // A phrase another block already has is flagged.
    await utterance.fill("배송 언제 와요");
    await utterance.press("Enter");
    await page.getByText("'배송 조회' 블록과 겹침").waitFor();
    await page.getByRole("button", { name: "'배송 언제 와요' 삭제" }).click();
    assert.equal(await page.getByTestId("utterance").count(), 3);
    // Three examples are few: the editor suggests adding more before the bot meets real users.
    await page.getByTestId("few-utterances").waitFor();

    await page.getByRole("button", { name: "파라미터 추가" }).click();
    const param = page.getByTestId("parameter-row");
    await param.getByLabel("이름").fill("day");
    await choose(param, "엔티티", "sys.date (날짜)");

    // Replace the starter text bubble with a basic card.
    await page.getByRole("button", { name: "1번 응답 삭제" }).click();
    await page.getByRole("button", { name: "응답 추가" }).click();
    await page.getByRole("menuitem", { name: "기본 카드" }).click();
    const card = page.getByTestId("output-0");
    await card.getByLabel("제목").fill("영업시간");
    // Limits are enforced as you type: the counter and the message show at once.
    await card.getByLabel("설명").fill("가".repeat(231));
    await card.getByText("230자까지 쓸 수 있어요 (1자 초과)").waitFor();
    await card.getByLabel("설명").fill("평일 10:00-20:00, 주말 11:00-18:00에 열어요.");
    await card.getByRole("button", { name: "버튼 추가" }).click();
    await card.getByRole("button", { name: "버튼 추가" }).click();
    const buttons = card.getByTestId("button-row");
    await buttons.nth(0).getByLabel("이름").fill("매장 안내");
    await choose(buttons.nth(0), "연결할 블록", "매장 안내");
    await buttons.nth(1).getByLabel("이름").fill("주문 내역");
    await choose(buttons.nth(1), "동작", "웹 링크");
    await buttons.nth(1).getByLabel("URL").fill("https://example.com/orders");

    const preview = page.getByTestId("preview");
    await preview.locator("[data-component=basicCard]").getByText("영업시간", { exact: true }).waitFor();
    await preview.getByRole("button", { name: "매장 안내" }).waitFor();
    await page.getByTestId("unsaved-badge").waitFor();
    // A tall window shows the whole block editor with its sticky preview in one picture.
    await page.setViewportSize({ width: 1280, height: 1700 });
    await page.evaluate("window.scrollTo(0, 0)");
    await shot("03-block-editor");
    await page.setViewportSize({ width: 1280, height: 860 });

    await page.getByRole("button", { name: "저장", exact: true }).click();
    await page.getByText("저장했어요").waitFor();
    await page.getByTestId("unsaved-badge").waitFor({ state: "detached" });
  });

  test("undo the last change, and the unsaved-changes guard", async () => {
    const name = page.getByLabel("블록 이름");
    await name.fill("임시 이름");
    await page.getByTestId("unsaved-badge").waitFor();
    await page.getByRole("button", { name: "되돌리기" }).click();
    assert.equal(await name.inputValue(), "영업시간 안내");
    await page.getByTestId("unsaved-badge").waitFor({ state: "detached" });

    // A save the server rejects names the block the problem is in.
    const firstButton = page.getByTestId("output-0").getByTestId("button-row").first().getByLabel("이름");
    await firstButton.fill("");
    await page.getByRole("button", { name: "저장", exact: true }).click();
    const errors = page.getByTestId("save-errors");
    await errors.getByRole("button", { name: "'영업시간 안내' 블록" }).waitFor();
    await page.getByRole("button", { name: "되돌리기" }).click();
    assert.equal(await firstButton.inputValue(), "매장 안내");

    await name.fill("임시 이름");
    await page.getByRole("link", { name: "멤버" }).click();
    const guard = page.getByRole("dialog", { name: "저장하지 않은 변경" });
    await guard.getByRole("button", { name: "머무르기" }).click();
    assert.match(page.url(), /\/bots\//);
    await page.getByRole("button", { name: "되돌리기" }).click();
    assert.equal(await name.inputValue(), "영업시간 안내");
  });

  test("bot text is rendered as text, never as markup", async () => {
    await page.getByRole("button", { name: "1번 응답 삭제" }).click();
    await page.getByRole("button", { name: "응답 추가" }).click();
    await page.getByRole("menuitem", { name: "텍스트", exact: true }).click();
    const markup = '<img src=x onerror="window.__pwned=1"><b>굵게</b>';
    await page.getByTestId("output-0").getByLabel("텍스트").fill(markup);
    const bubble = page.getByTestId("preview").locator("[data-component=simpleText]");
    assert.equal(await bubble.textContent(), markup);
    assert.equal(await bubble.locator("img, b").count(), 0);
    assert.equal(await page.evaluate("'__pwned' in window"), false);
    // Typing coalesces into one undo step; undo back to the saved card.
    const undo = page.getByRole("button", { name: "되돌리기" });
    for (let i = 0; i < 4 && (await undo.isEnabled()); i++) await undo.click();
    await page.getByTestId("preview").locator("[data-component=basicCard]").waitFor();
    await page.getByTestId("unsaved-badge").waitFor({ state: "detached" });
  });

  test("test the block in the simulator", async () => {
    await page.getByRole("button", { name: "봇 테스트" }).click();
    const drawer = page.getByRole("dialog", { name: "봇 테스트" });
    await drawer.getByTestId("simulator-input").fill("영업시간 알려줘");
    await drawer.getByRole("button", { name: "보내기" }).click();
    await drawer.getByTestId("matched-block").filter({ hasText: "영업시간 안내" }).waitFor();
    const answer = drawer.getByTestId("bot-message").last();
    const card = answer.locator("[data-component=basicCard]");
    await card.getByText("영업시간", { exact: true }).waitFor();
    await card.getByText("평일 10:00-20:00, 주말 11:00-18:00에 열어요.").waitFor();
    assert.equal(await card.getByRole("link", { name: "주문 내역" }).getAttribute("href"), "https://example.com/orders");
    await drawer.getByTestId("match-score").waitFor();
    await shot("04-simulator");

    // A block button in the rendered card runs the linked block, like in the chat room.
    await card.getByRole("button", { name: "매장 안내" }).click();
    await drawer.getByTestId("matched-block").filter({ hasText: "매장 안내" }).waitFor();
    await drawer
      .getByTestId("bot-message")
      .last()
      .getByText(/02-123-4567/)
      .waitFor();
    await drawer.locator(".mantine-Drawer-close").click();
    await drawer.waitFor({ state: "detached" });
  });

  test("a skill: the skill test, then its answer and JSON in the simulator", async () => {
    const skill = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        const utterance = JSON.parse(body).userRequest?.utterance ?? "";
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ version: "2.0", template: { outputs: [{ simpleText: { text: `스킬이 답했어요: ${utterance}` } }] } }));
      });
    });
    await new Promise<void>((resolve) => skill.listen(0, "127.0.0.1", resolve));
    const address = skill.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/skill`;
    try {
      await page.getByRole("tab", { name: "스킬" }).click();
      await page.getByRole("button", { name: "스킬 추가" }).click();
      await page.getByLabel("스킬 이름").fill("영업시간 스킬");
      await page.getByLabel(/^URL/).fill(url);
      await page.getByRole("button", { name: "저장", exact: true }).click();
      await page.getByTestId("unsaved-badge").waitFor({ state: "detached" });
      await page.getByRole("button", { name: "테스트 요청 보내기" }).click();
      const result = page.getByTestId("skill-test-result");
      await result.getByText("성공").waitFor();
      await result.getByText("HTTP 200").waitFor();
      await result.getByText(/스킬이 답했어요: 테스트/).waitFor();
      await shot("08-skill-test");

      await page.getByRole("tab", { name: "시나리오" }).click();
      await page.getByRole("button", { name: "영업시간 안내", exact: true }).click();
      await choose(page, "사용할 스킬", "영업시간 스킬");
      await page.getByRole("switch", { name: "스킬데이터 사용" }).check({ force: true });
      await page.getByRole("button", { name: "저장", exact: true }).click();
      await page.getByTestId("unsaved-badge").waitFor({ state: "detached" });

      await page.getByRole("button", { name: "봇 테스트" }).click();
      const drawer = page.getByRole("dialog", { name: "봇 테스트" });
      await drawer.getByTestId("simulator-input").fill("영업시간 알려줘");
      await drawer.getByRole("button", { name: "보내기" }).click();
      await drawer.getByTestId("bot-message").last().getByText("스킬이 답했어요: 영업시간 알려줘").waitFor();
      await drawer.getByText("스킬: 영업시간 스킬").waitFor();
      await drawer
        .getByLabel("요청 JSON")
        .getByText(/"utterance": "영업시간 알려줘"/)
        .waitFor();
      await drawer.locator(".mantine-Drawer-close").click();
      await drawer.waitFor({ state: "detached" });
      await drawer.waitFor({ state: "detached" });
    } finally {
      skill.close();
    }
  });

  test("deploy, deploy again and roll back with confirmation", async () => {
    await page.getByRole("tab", { name: "배포" }).click();
    await page.getByLabel("배포 메모").fill("첫 배포");
    await page.getByRole("button", { name: "배포하기" }).click();
    // The chatbot helper already deployed v1 (to connect its channel), so this is v2.
    await page.getByTestId("version-2").waitFor();

    // Change something so the second version differs, and see it in the pending diff.
    await page.getByRole("tab", { name: "설정" }).click();
    await page.getByLabel("봇 이름").fill("우리가게 고객센터 2");
    // Unsaved changes survive switching tabs.
    await page.getByRole("tab", { name: "시나리오" }).click();
    await page.getByTestId("unsaved-badge").waitFor();
    await page.getByTestId("bot-title").filter({ hasText: "우리가게 고객센터 2" }).waitFor();
    await page.getByRole("button", { name: "저장", exact: true }).click();
    await page.getByText("저장했어요").first().waitFor();
    await page.getByRole("tab", { name: "배포" }).click();
    await page
      .getByTestId("diff")
      .getByText(/봇 설정/)
      .waitFor();
    await page.getByLabel("배포 메모").fill("이름 변경");
    await page.getByRole("button", { name: "배포하기" }).click();
    await page.getByTestId("version-3").getByText("서비스 중").waitFor();

    await page.getByTestId("version-2").getByRole("button", { name: "롤백" }).click();
    const confirm = page.getByRole("dialog", { name: "롤백" });
    await confirm.getByText("v2을 다시 서비스할까요?", { exact: false }).waitFor();
    await confirm.getByRole("button", { name: "v2으로 롤백" }).click();
    await page.getByTestId("version-2").getByText("서비스 중").waitFor();
    assert.equal(await page.getByTestId("version-3").getByText("서비스 중").count(), 0);
    await shot("05-versions");
  });

  test("an import with errors lists them by path and line, and imports nothing", async () => {
    await page.getByRole("link", { name: "봇", exact: true }).click();
    await page.getByRole("heading", { name: "봇 목록" }).waitFor();
    await page.getByRole("button", { name: "가져오기" }).click();
    const dialog = page.getByRole("dialog");
    const bad = [
      "schemaVersion: 1",
      "name: 잘못된 봇",
      "scenarios:",
      "  - id: default",
      "    name: 기본",
      "    blocks:",
      "      - id: bad id",
      "        name: 블록",
    ].join("\n");
    await dialog.getByLabel("봇 파일 내용 (YAML 또는 JSON)").fill(bad);
    await dialog.getByRole("button", { name: "가져오기" }).click();
    const details = dialog.getByTestId("error-details");
    await details.getByText("scenarios[0].blocks[0].id").waitFor();
    await details.getByText(/7행/).waitFor();
    await shot("07-import-errors");
    await page.keyboard.press("Escape");
    assert.equal(await page.getByRole("link", { name: "잘못된 봇" }).count(), 0);
  });

  test("create a bot from scratch with its system blocks, then delete it", async () => {
    await page.getByRole("button", { name: "직접 만들기" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("봇 이름").fill("임시 봇");
    await dialog.getByRole("button", { name: "만들기" }).click();
    await page.getByTestId("bot-title").filter({ hasText: "임시 봇" }).waitFor();
    for (const system of ["웰컴 블록", "폴백 블록", "탈출 블록"])
      await page.getByRole("button", { name: new RegExp(`^${system}`) }).waitFor();
    await page.getByRole("button", { name: "더 보기" }).click();
    await page.getByRole("menuitem", { name: "봇 삭제" }).click();
    await page.getByRole("dialog", { name: "봇 삭제" }).getByRole("button", { name: "삭제" }).click();
    await page.getByRole("heading", { name: "봇 목록" }).waitFor();
    await page.getByRole("link", { name: /우리가게 고객센터/ }).waitFor();
    assert.equal(await page.getByRole("link", { name: "임시 봇" }).count(), 0);
  });

  test("a viewer sees the bot read-only and is never offered a write", async () => {
    // The owner invites a viewer through the members screen, and makes an API token (shown once).
    await page.getByRole("link", { name: "멤버" }).click();
    await page.getByRole("button", { name: "멤버 초대" }).click();
    const invite = page.getByRole("dialog", { name: "멤버 초대" });
    await invite.getByLabel("이메일").fill("viewer@example.com");
    await choose(invite, "역할", "뷰어");
    await invite.getByLabel("이름").fill("뷰어");
    await invite.getByLabel("초기 비밀번호").fill("viewer-password-1");
    await invite.getByRole("button", { name: "초대하기" }).click();
    await page.getByRole("cell", { name: "viewer@example.com" }).waitFor();
    await shot("09-members");
    await page.getByRole("link", { name: "API 토큰" }).click();
    await page.getByLabel("토큰 이름").fill("배포 스크립트");
    await page.getByRole("button", { name: "토큰 만들기" }).click();
    assert.match((await page.getByTestId("new-token").textContent()) ?? "", /^bct_/);
    await page.getByRole("cell", { name: "배포 스크립트" }).waitFor();

    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const viewer = await context.newPage();
    await viewer.goto(`${server.baseUrl}/login`);
    await viewer.getByLabel("이메일").fill("viewer@example.com");
    await viewer.getByLabel("비밀번호").fill("viewer-password-1");
    await viewer.getByRole("button", { name: "로그인" }).click();
    await viewer.getByRole("heading", { name: "봇 목록" }).waitFor();
    assert.equal(await viewer.getByRole("button", { name: "챗봇 도우미" }).count(), 0);
    await viewer.getByRole("link", { name: /우리가게 고객센터/ }).click();
    await viewer.getByText("읽기 전용").waitFor();
    assert.equal(await viewer.getByRole("button", { name: "저장", exact: true }).count(), 0);
    assert.equal(await viewer.getByLabel("블록 이름").isDisabled(), true);
    assert.equal(await viewer.getByRole("button", { name: "응답 추가" }).isDisabled(), true);
    await viewer.getByRole("tab", { name: "배포" }).click();
    await viewer.getByTestId("versions-table").waitFor();
    assert.equal(await viewer.getByRole("button", { name: "배포하기" }).count(), 0);
    assert.equal(await viewer.getByRole("button", { name: "롤백" }).count(), 0);
    await viewer.getByRole("link", { name: "멤버" }).click();
    await viewer.getByText("멤버를 관리하려면 관리자 이상 권한이 필요해요.").waitFor();
    assert.equal(await viewer.getByRole("button", { name: "멤버 초대" }).count(), 0);
    await context.close();
  });

  test("the English UI and a tablet width", async () => {
    await page.getByRole("link", { name: "봇", exact: true }).click();
    await page.getByRole("link", { name: /우리가게 고객센터/ }).click();
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.locator("label", { hasText: "English" }).click();
    await page.getByRole("tab", { name: "Scenarios" }).waitFor();
    await page.getByRole("tab", { name: "Scenarios" }).click();
    await page.getByText("Bot response").first().waitFor();
    await shot("06-editor-tablet-en");
    await page.locator("label", { hasText: "한국어" }).click();
    await page.getByRole("tab", { name: "시나리오" }).waitFor();
  });
});
