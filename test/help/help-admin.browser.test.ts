/**
 * The help center admin (/help-admin) in a real browser: the article list, creating an article
 * with a live Markdown preview that never runs the body's HTML, publishing and unpublishing (seen
 * on the public API), editing, the synonym groups and deletion; and a viewer sees only a notice.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { browserSkipReason, ensureWebBuild, launchBrowser, startWebServer } from "../browser/web-server.js";
import { screenshotPath } from "../helpers/chromium.js";
import { api, login, OWNER, type Session } from "../helpers/server.js";

const skip = browserSkipReason();
const VIEWER = { email: "viewer@example.com", password: "viewer-password-1", name: "Viewer" };

describe("help center admin (browser)", { skip: skip ?? false, timeout: 60_000 }, () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let owner: Session;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  /** A browser context signed in with the session cookie of an API login. */
  async function signedInContext(session: Session, lang?: "en"): Promise<BrowserContext> {
    const ctx = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: "ko-KR" });
    const eq = session.cookie.indexOf("=");
    await ctx.addCookies([{ name: session.cookie.slice(0, eq), value: session.cookie.slice(eq + 1), url: server.baseUrl }]);
    if (lang) await ctx.addInitScript(`localStorage.setItem("botcenter.lang", "${lang}")`);
    return ctx;
  }

  const row = (slug: string) => page.locator(`tr[data-slug="${slug}"]`);

  before(async () => {
    ensureWebBuild();
    server = await startWebServer();
    await server.store.help.insert({
      slug: "deploy-basics",
      title: "배포는 어떻게 하나요?",
      category: ["챗봇 만들기", "배포", "배포 기본"],
      tags: ["배포"],
      body: "배포하면 **운영 채널**에 반영돼요.",
      published: true,
    });
    owner = await login(server.baseUrl, OWNER.email, OWNER.password);
    const invited = await api(server.baseUrl, "POST", `/api/v1/workspaces/${server.workspaceId}/members`, {
      session: owner,
      body: { ...VIEWER, role: "viewer" },
    });
    assert.equal(invited.status, 201, invited.text);
    browser = await launchBrowser();
    context = await signedInContext(owner);
    page = await context.newPage();
    page.setDefaultTimeout(8_000);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("lists every article with its category path, state and views", async () => {
    await page.goto(`${server.baseUrl}/help-admin`);
    await page.getByRole("heading", { name: "도움말 관리" }).waitFor();
    const first = row("deploy-basics");
    await first.waitFor();
    assert.match((await first.textContent()) ?? "", /챗봇 만들기 › 배포 › 배포 기본/);
    await first.getByText("게시됨").waitFor();
    assert.equal(await page.getByTestId("help-center-link").getAttribute("href"), "/help");
    assert.equal(
      await first.getByRole("link", { name: "배포는 어떻게 하나요? 공개 페이지" }).getAttribute("href"),
      "/help/articles/deploy-basics",
    );
  });

  test("creates an article; the preview renders Markdown but never the body's HTML", async () => {
    await page.getByRole("button", { name: "새 문서" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("슬러그").fill("Refund Policy");
    await dialog.getByText("영어 소문자, 숫자와 하이픈(연속 불가)만 쓸 수 있어요").waitFor();
    await dialog.getByLabel("슬러그").fill("refund-policy");
    await dialog.getByLabel("제목").fill("환불은 어떻게 하나요?");
    await dialog.getByLabel("대분류").fill("운영");
    await dialog.getByLabel("중분류").fill("주문");
    await dialog.getByLabel("소분류").fill("환불");
    await dialog.getByLabel("태그").fill("환불");
    await dialog.getByLabel("태그").press("Enter");
    const body = [
      "## 환불 순서",
      "",
      "**7일 안에** 신청하세요. [배포 안내](deploy-basics)",
      "",
      '<img src="x" onerror="window.__owned = 1"><script>window.__owned = 2</script>',
    ].join("\n");
    await dialog.getByLabel("본문 (Markdown)").fill(body);
    const preview = dialog.getByTestId("markdown-preview");
    await preview.locator("h2", { hasText: "환불 순서" }).waitFor();
    assert.equal(await preview.locator("strong").textContent(), "7일 안에");
    assert.equal(await preview.locator("a", { hasText: "배포 안내" }).getAttribute("href"), "/help/articles/deploy-basics");
    // The HTML is shown as text: no element was created and nothing ran.
    assert.equal(await preview.locator("img, script").count(), 0);
    assert.match((await preview.textContent()) ?? "", /<img src="x" onerror=/);
    assert.equal(await page.evaluate("window.__owned"), undefined);
    await dialog.getByRole("switch", { name: "게시" }).check();
    await page.screenshot({ path: screenshotPath("help-admin-editor.png") });
    await dialog.getByTestId("save-article").click();
    await dialog.waitFor({ state: "detached" });
    await row("refund-policy").getByText("게시됨").waitFor();
    const pub = await api(server.baseUrl, "GET", "/api/v1/help/articles/refund-policy");
    assert.equal(pub.status, 200);
    assert.deepEqual((pub.body as { category: string[] }).category, ["운영", "주문", "환불"]);
  });

  test("unpublishing hides the article from the public API, publishing brings it back", async () => {
    await page.getByRole("button", { name: "환불은 어떻게 하나요? 게시 중단" }).click();
    await row("refund-policy").getByText("비공개").waitFor();
    assert.equal((await api(server.baseUrl, "GET", "/api/v1/help/articles/refund-policy")).status, 404);
    await page.getByRole("button", { name: "환불은 어떻게 하나요? 게시", exact: true }).click();
    await row("refund-policy").getByText("게시됨").waitFor();
    assert.equal((await api(server.baseUrl, "GET", "/api/v1/help/articles/refund-policy")).status, 200);
  });

  test("edits keep the slug and the published state", async () => {
    await page.getByRole("button", { name: "환불은 어떻게 하나요? 편집" }).click();
    const dialog = page.getByRole("dialog");
    assert.equal(await dialog.getByLabel("슬러그").isDisabled(), true);
    await dialog.getByLabel("제목").fill("환불 신청 방법");
    await dialog.getByTestId("save-article").click();
    await dialog.waitFor({ state: "detached" });
    await row("refund-policy").getByText("환불 신청 방법").waitFor();
    const pub = await api(server.baseUrl, "GET", "/api/v1/help/articles/refund-policy");
    assert.equal((pub.body as { title: string }).title, "환불 신청 방법");
  });

  test("synonym groups: a one-word line is refused before saving, a fixed list is saved", async () => {
    const box = page.getByLabel("동의어 그룹");
    await box.fill("스킬, skill, 웹훅\n배송");
    await page.getByText("2번째 줄: 그룹에는 낱말이 두 개 이상 있어야 해요").waitFor();
    assert.equal(await page.getByTestId("save-synonyms").isDisabled(), true);
    await box.fill("스킬, skill, 웹훅\n배송, 택배");
    await page.getByTestId("save-synonyms").click();
    await page.getByText("동의어를 저장했어요").waitFor();
    const saved = await api(server.baseUrl, "GET", "/api/v1/help/admin/synonyms", { session: owner });
    // GET answers {id, terms} per group today; plain arrays are accepted too.
    const groups = (saved.body as { groups: Array<string[] | { terms: string[] }> }).groups.map((g) => (Array.isArray(g) ? g : g.terms));
    assert.deepEqual(groups, [
      ["스킬", "skill", "웹훅"],
      ["배송", "택배"],
    ]);
  });

  test("deletes an article after confirmation", async () => {
    await page.getByRole("button", { name: "환불 신청 방법 삭제" }).click();
    const dialog = page.getByRole("dialog", { name: "문서 삭제" });
    await dialog.getByText("'환불 신청 방법' 문서를 삭제할까요?", { exact: false }).waitFor();
    await dialog.getByRole("button", { name: "삭제" }).click();
    await dialog.waitFor({ state: "detached" });
    await row("refund-policy").waitFor({ state: "detached" });
    assert.equal((await api(server.baseUrl, "GET", "/api/v1/help/articles/refund-policy")).status, 404);
    await page.screenshot({ path: screenshotPath("help-admin-list.png"), fullPage: true });
  });

  test("a viewer sees a notice and no write controls, in English too", async () => {
    const viewer = await login(server.baseUrl, VIEWER.email, VIEWER.password);
    const ctx = await signedInContext(viewer, "en");
    const p = await ctx.newPage();
    p.setDefaultTimeout(8_000);
    await p.goto(`${server.baseUrl}/help-admin`);
    await p.getByTestId("help-admin-read-only").getByText("Only owners and admins can manage the help center", { exact: false }).waitFor();
    await p.getByRole("heading", { name: "Help center admin" }).waitFor();
    assert.equal(await p.getByRole("button", { name: "New article" }).count(), 0);
    assert.equal(await p.getByTestId("help-articles").count(), 0);
    await ctx.close();
  });
});
