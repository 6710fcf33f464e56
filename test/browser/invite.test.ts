/**
 * Invitation links in the admin center: an owner creates a link for an editor; the invitee opens it
 * in another browser, sets a password, lands in the workspace, and sees the knowledge-base tab.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { OWNER } from "../helpers/server.js";
import { browserSkipReason, ensureWebBuild, launchBrowser, SCREENSHOTS, startWebServer } from "./web-server.js";

const skip = browserSkipReason();

describe("invitation links (browser)", { skip: skip ?? false }, () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;

  before(async () => {
    ensureWebBuild();
    server = await startWebServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("create a link, accept it as a new person, and arrive signed in", async () => {
    const owner = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await owner.goto(`${server.baseUrl}/login`);
    await owner.getByLabel("이메일").fill(OWNER.email);
    await owner.getByLabel("비밀번호").fill(OWNER.password);
    await owner.getByRole("button", { name: "로그인" }).click();
    await owner.getByRole("heading", { name: "봇 목록" }).waitFor();
    await owner.getByRole("link", { name: "멤버" }).click();
    const section = owner.locator("form").filter({ has: owner.getByRole("button", { name: "초대 링크 만들기" }) });
    await section.getByLabel("이메일").fill("invitee@example.com");
    await owner.getByRole("button", { name: "초대 링크 만들기" }).click();
    const linkField = owner.getByLabel("초대 링크", { exact: true });
    await linkField.waitFor();
    const link = await linkField.inputValue();
    assert.match(link, /\/invite\?token=/);
    await owner.screenshot({ path: join(SCREENSHOTS, "members-invite-link.png") });

    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const invitee = await context.newPage();
    await invitee.goto(link);
    await invitee.getByText("invitee@example.com 님을").waitFor();
    await invitee.getByLabel("이름").fill("초대받은 사람");
    await invitee.getByLabel("비밀번호").fill("invitee-password-1");
    await invitee.getByRole("button", { name: "초대 수락" }).click();
    await invitee.getByRole("heading", { name: "봇 목록" }).waitFor();

    await invitee.goto(link);
    await invitee.getByText("초대 링크가 잘못되었거나").waitFor();
    await context.close();
  });
});
