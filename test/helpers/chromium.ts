/**
 * Debian's Chromium for browser tests, driven by playwright-core (test tools cannot download their
 * own browser here). Without Chromium the tests are skipped with a message, unless
 * BOTCENTER_REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** A skip reason for node:test, or false when the browser can run. */
export function browserSkipReason(): string | false {
  if (existsSync(CHROMIUM_PATH)) return false;
  if (process.env.BOTCENTER_REQUIRE_BROWSER === "1")
    throw new Error(`BOTCENTER_REQUIRE_BROWSER=1 but ${CHROMIUM_PATH} does not exist (apt-get install chromium)`);
  return `no Chromium at ${CHROMIUM_PATH}; install Debian's chromium to run browser tests`;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Where screenshots go (kept by CI as test artifacts). */
export function screenshotPath(name: string): string {
  const dir = join(process.cwd(), "test-artifacts", "screenshots");
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
