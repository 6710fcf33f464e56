import assert from "node:assert/strict";
import { resolve } from "node:path";
import { test } from "node:test";
import { ConfigError, loadConfig } from "./config.js";

test("defaults: port 3000 on 127.0.0.1, an embedded database under ./data", () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.host, "127.0.0.1");
  assert.equal(c.databaseUrl, `sqlite:${resolve("data", "botcenter.db")}`);
  assert.equal(c.publicUrl, "http://localhost:3000");
  assert.equal(c.allowPrivateSkills, true);
  assert.equal(c.secureCookies, false);
});

test("a bad value stops the start with a message naming the variable", () => {
  assert.throws(
    () => loadConfig({ PORT: "abc" }),
    (e: unknown) => e instanceof ConfigError && /PORT: must be a number/.test(e.message),
  );
  assert.throws(() => loadConfig({ DATABASE_URL: "mysql://x" }), /DATABASE_URL: must start with sqlite: or postgres:\/\//);
  assert.throws(() => loadConfig({ BOTCENTER_ADMIN_EMAIL: "a@example.com" }), /must be set together/);
});

test("empty variables count as unset, and flags win over the environment", () => {
  const c = loadConfig({ PORT: "", BOTCENTER_ADMIN_EMAIL: "", BOTCENTER_ADMIN_PASSWORD: "" }, { PORT: "4000" });
  assert.equal(c.port, 4000);
  assert.equal(c.adminEmail, undefined);
});

test("PostgreSQL turns private skill addresses off by default; https turns secure cookies on", () => {
  const c = loadConfig({ DATABASE_URL: "postgres://u:p@db:5432/bots", BOTCENTER_PUBLIC_URL: "https://bots.example.com/" });
  assert.equal(c.allowPrivateSkills, false);
  assert.equal(c.secureCookies, true);
  assert.equal(c.publicUrl, "https://bots.example.com");
});
