/**
 * Helpers for browser tests: a real botcenter server that serves the built admin center (web/dist),
 * and a headless Debian chromium driven by playwright-core. Browser tests skip (with a reason) when
 * chromium is missing, unless BOTCENTER_REQUIRE_BROWSER=1 (CI) makes that a failure.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { browserSkipReason as chromiumSkipReason, launchChromium } from "../helpers/chromium.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const WEB_DIST = join(ROOT, "web", "dist");
export const SCREENSHOTS = join(ROOT, "test-artifacts", "screenshots");
/** Why browser tests cannot run here, or null when they can. Throws instead when CI requires them. */
export function browserSkipReason(): string | null {
  return chromiumSkipReason() || null;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const s = statSync(full);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(full) : s.mtimeMs);
  }
  return newest;
}

/** Builds web/dist when it is missing or older than web/src (a few seconds with vite). */
export function ensureWebBuild(): void {
  const index = join(WEB_DIST, "index.html");
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(ROOT, "web", "src"))) return;
  const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
  // The admin build empties web/dist, so the chat (built into web/dist/chat) is rebuilt after it.
  for (const config of [join(ROOT, "web", "vite.config.ts"), join(ROOT, "web", "chat", "vite.config.ts")]) {
    const result = spawnSync(process.execPath, [vite, "build", "--config", config, "--logLevel", "warn"], { cwd: ROOT, stdio: "inherit" });
    if (result.status !== 0) throw new Error(`building the web app (vite build --config ${config}) failed`);
  }
}

/** A server with an owner account that serves the built admin center (and lets skills live on loopback). */
export function startWebServer(): Promise<TestServer> {
  return startTestServer("sqlite", { BOTCENTER_ALLOW_PRIVATE_SKILLS: "true" }, { webRoot: WEB_DIST });
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return launchChromium();
}
