/**
 * The first start as a new user meets it: `botcenter start` on an empty data folder prints a
 * one-time setup link; opening it in a browser creates the owner and signs in; the link then no
 * longer works.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { freePort } from "../helpers/server.js";
import { browserSkipReason, ensureWebBuild, launchBrowser, ROOT, SCREENSHOTS } from "./web-server.js";

const skip = browserSkipReason();

describe("first start with a setup link (browser)", { skip: skip ?? false }, () => {
  let child: ChildProcess;
  let browser: Browser;
  let dataDir: string;
  let link = "";

  before(async () => {
    ensureWebBuild();
    dataDir = mkdtempSync(join(tmpdir(), "botcenter-first-start-"));
    const port = await freePort();
    child = spawn(
      process.execPath,
      ["--import", "tsx", join(ROOT, "src/cli/main.ts"), "start", "--port", String(port), "--data-dir", dataDir],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          LOG_LEVEL: "warn",
          BOTCENTER_PUBLIC_URL: `http://127.0.0.1:${port}`,
          BOTCENTER_ADMIN_EMAIL: "",
          BOTCENTER_ADMIN_PASSWORD: "",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    link = await new Promise<string>((resolve, reject) => {
      let err = "";
      const timer = setTimeout(() => reject(new Error(`no setup link within 30 s:\n${err}`)), 30_000);
      child.stderr?.on("data", (chunk: Buffer) => {
        err += chunk.toString();
        const match = /(http:\/\/\S+\/setup\?token=\S+)/.exec(err);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once("exit", (code) => reject(new Error(`botcenter exited with ${code}:\n${err}`)));
    });
    // The link is printed before the server listens; wait until it answers.
    const base = new URL(link).origin;
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    child?.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("the printed link creates the owner, signs in, and works only once", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(link);
    await page.getByRole("heading", { name: "첫 소유자 만들기" }).waitFor();
    await page.getByLabel("이메일").fill("founder@example.com");
    await page.getByLabel("이름").fill("창업자");
    await page.getByLabel("비밀번호").fill("founder-password-1");
    await page.getByRole("button", { name: "소유자 계정 만들기" }).click();
    await page.getByRole("heading", { name: "봇 목록" }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, "first-start-bots.png") });

    const again = await browser.newPage();
    await again.goto(link);
    await again.getByText("이미 설정이 끝났어요.").waitFor();
    assert.equal(await again.getByRole("button", { name: "소유자 계정 만들기" }).count(), 0);
  });
});
