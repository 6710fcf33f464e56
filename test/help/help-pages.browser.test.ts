/**
 * The public help center in a real browser: a Korean search (a 초성 query and a spacing variant),
 * switching sort and category through the page's links, and opening an article.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { HelpService } from "../../src/help/help-service.js";
import { browserSkipReason, launchChromium, screenshotPath } from "../helpers/chromium.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const skip = browserSkipReason();

describe("help center pages", { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startTestServer();
    await new HelpService(server.store).seedFromFolder("help/articles");
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ko-KR" });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function totalOnPage(): Promise<number> {
    const text = (await page.textContent("#total")) ?? "";
    const match = /총 (\d+)건/.exec(text);
    assert.ok(match, `no total in "${text}"`);
    return Number(match[1]);
  }

  test("a 초성 query typed into the search box finds the plugin articles", async () => {
    await page.goto(`${server.baseUrl}/help`);
    await page.getByLabel("도움말 검색어").fill("ㅍㄹㄱㅇ");
    await page.getByRole("button", { name: "검색" }).click();
    await page.waitForURL(/q=/);
    assert.ok((await totalOnPage()) > 0);
    const first = await page.locator("ol.results li .title").first().textContent();
    assert.match(first ?? "", /플러그인/);
    await page.screenshot({ path: screenshotPath("help-search-choseong.png"), fullPage: true });
  });

  test("spacing variants give the same first result", async () => {
    await page.goto(`${server.baseUrl}/help?q=${encodeURIComponent("상담원 연결")}`);
    const spaced = await page.locator("ol.results li .title").first().textContent();
    await page.goto(`${server.baseUrl}/help?q=${encodeURIComponent("상담원연결")}`);
    const joined = await page.locator("ol.results li .title").first().textContent();
    assert.equal(joined, spaced);
    assert.ok(await page.locator("ol.results mark").count(), "matches are highlighted");
  });

  test("sort and category links keep the query in the URL and change the list", async () => {
    await page.goto(`${server.baseUrl}/help?q=${encodeURIComponent("플러그인")}`);
    const all = await totalOnPage();
    await page.getByRole("link", { name: "최신순" }).click();
    await page.waitForURL(/sort=newest/);
    assert.match(page.url(), /q=%ED%94%8C/);
    const category = page.locator("nav.cats li a").nth(1);
    const expected = Number(await category.locator(".n").textContent());
    await category.click();
    await page.waitForURL(/category=/);
    assert.match(page.url(), /sort=newest/);
    assert.equal(await totalOnPage(), expected);
    assert.ok(expected <= all);
    await page.screenshot({ path: screenshotPath("help-category.png"), fullPage: true });
  });

  test("opening an article shows its title and body, and nothing found shows suggestions", async () => {
    await page.goto(`${server.baseUrl}/help?q=${encodeURIComponent("웰컴 메시지")}`);
    const link = page.locator("ol.results li .title").first();
    const title = (await link.textContent()) ?? "";
    await link.click();
    await page.waitForURL(/\/help\/articles\//);
    assert.equal((await page.locator("article.doc h1").textContent())?.trim(), title.trim());
    await page.screenshot({ path: screenshotPath("help-article.png"), fullPage: true });
    await page.goto(`${server.baseUrl}/help?q=qqqzzz`);
    assert.equal(await totalOnPage(), 0);
    assert.ok(await page.getByText("많이 본 도움말").isVisible());
  });
});
