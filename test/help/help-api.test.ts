/**
 * Help center API: search counts, category counts, sorting, paging, the empty state, Korean query
 * forms (spacing, particles, 초성, mixed Korean/English), synonyms, and who may edit.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { HelpService } from "../../src/help/help-service.js";
import { api, login, startTestServer, type TestServer } from "../helpers/server.js";

interface SearchBody {
  total: number;
  page: number;
  pages: number;
  results: Array<{
    slug: string;
    title: string;
    categoryPath: string;
    updatedAt: string;
    views: number;
    snippet: { text: string; highlights: unknown[] };
  }>;
  categories: Array<{ path: string; count: number }>;
  suggestions?: { popular: unknown[]; categories: unknown[] };
}

let server: TestServer;

async function search(query: Record<string, string>): Promise<SearchBody> {
  const res = await api(server.baseUrl, "GET", `/api/v1/help/search?${new URLSearchParams(query)}`);
  assert.equal(res.status, 200, res.text);
  return res.body as SearchBody;
}

describe("help center API", () => {
  before(async () => {
    server = await startTestServer();
    // Seeded before the first search, so the server's help index is built from these articles.
    const seeded = await new HelpService(server.store).seedFromFolder("help/articles");
    assert.ok(seeded.added >= 30, `ships at least 30 articles, got ${seeded.added}`);
    assert.deepEqual(seeded.errors, []);
  });
  after(async () => server.close());

  test("an empty query lists every published article, ten per page, with category counts that add up", async () => {
    const all = await search({});
    assert.ok(all.total >= 30);
    assert.equal(all.results.length, 10);
    assert.equal(all.pages, Math.ceil(all.total / 10));
    assert.equal(
      all.categories.reduce((n, c) => n + c.count, 0),
      all.total,
    );
    const last = await search({ page: String(all.pages) });
    assert.equal(last.results.length, all.total - 10 * (all.pages - 1));
  });

  test("spacing variants, particles and 초성 find the plugin articles", async () => {
    for (const q of ["플러그인 등록", "플러그인등록", "플러그인을", "ㅍㄹㄱㅇ"]) {
      const r = await search({ q });
      assert.ok(r.total > 0, `no result for ${q}`);
      assert.ok(
        r.results.slice(0, 3).some((x) => x.title.includes("플러그인")),
        `top results for ${q}: ${r.results.map((x) => x.title).join(", ")}`,
      );
    }
  });

  test("a Korean/English mix finds the skill registration article first", async () => {
    const r = await search({ q: "skill 등록" });
    assert.match(r.results[0]?.title ?? "", /스킬/);
  });

  test("the seed's operator question is answered by its own article", async () => {
    const r = await search({ q: "상담원과의 대화가 불가능한 프로필" });
    assert.match(r.results[0]?.title ?? "", /상담원과의 대화가 불가능한 프로필/);
    assert.ok(r.results[0]?.snippet.highlights.length);
  });

  test("the category filter keeps counts of the whole result and narrows the list", async () => {
    const r = await search({ q: "플러그인" });
    const top = r.categories[0];
    assert.ok(top);
    const filtered = await search({ q: "플러그인", category: top.path });
    assert.equal(filtered.total, top.count);
    assert.ok(filtered.results.every((x) => x.categoryPath === top.path));
    assert.deepEqual(filtered.categories, r.categories);
    const prefix = top.path.split(" > ")[0] ?? "";
    const byTop = await search({ q: "플러그인", category: prefix });
    assert.ok(byTop.total >= filtered.total);
  });

  test("sorting by newest and by views orders the results", async () => {
    const newest = await search({ q: "채널", sort: "newest" });
    const dates = newest.results.map((x) => x.updatedAt);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const target = newest.results.at(-1);
    assert.ok(target);
    for (let i = 0; i < 3; i++) assert.equal((await api(server.baseUrl, "GET", `/api/v1/help/articles/${target.slug}`)).status, 200);
    const byViews = await search({ q: "채널", sort: "views" });
    assert.equal(byViews.results[0]?.slug, target.slug);
    assert.equal(byViews.results[0]?.views, 3);
  });

  test("nothing found gives suggestions instead of an empty page", async () => {
    const r = await search({ q: "qqqqzzzz" });
    assert.equal(r.total, 0);
    assert.ok(r.suggestions && r.suggestions.popular.length > 0 && r.suggestions.categories.length > 0);
  });

  test("an admin adds synonyms and edits articles; an editor may not; unpublished articles disappear", async () => {
    const before = await search({ q: "웹훅" });
    const put = await api(server.baseUrl, "PUT", "/api/v1/help/admin/synonyms", {
      session: server.owner,
      body: { groups: [["웹훅", "스킬"]] },
    });
    assert.equal(put.status, 200, put.text);
    const after = await search({ q: "웹훅" });
    assert.ok(after.total > before.total, `synonym widened the result: ${before.total} → ${after.total}`);

    await api(server.baseUrl, "POST", `/api/v1/workspaces/${server.workspaceId}/members`, {
      session: server.owner,
      body: { email: "editor@example.com", role: "editor", password: "editor-password-1" },
    });
    const editor = await login(server.baseUrl, "editor@example.com", "editor-password-1");
    const article = {
      slug: "new-article",
      title: "새 도움말 제목입니다",
      category: ["a", "b", "c"],
      tags: [],
      body: "본문 배포 버전 관리",
    };
    const denied = await api(server.baseUrl, "POST", "/api/v1/help/admin/articles", { session: editor, body: article });
    assert.equal(denied.status, 403);
    assert.equal(
      (await search({ q: "새 도움말 제목" })).results.some((r) => r.slug === "new-article"),
      false,
    );
    const created = await api(server.baseUrl, "POST", "/api/v1/help/admin/articles", { session: server.owner, body: article });
    assert.equal(created.status, 201, created.text);
    assert.equal((await search({ q: "새 도움말 제목" })).results[0]?.slug, "new-article");
    const hide = await api(server.baseUrl, "POST", "/api/v1/help/admin/articles/new-article/publish", {
      session: server.owner,
      body: { published: false },
    });
    assert.equal(hide.status, 200);
    assert.equal(
      (await search({ q: "새 도움말 제목" })).results.some((r) => r.slug === "new-article"),
      false,
    );
    assert.equal((await api(server.baseUrl, "GET", "/api/v1/help/articles/new-article")).status, 404);
  });

  test("article pages render Markdown without raw HTML and escape user text in search pages", async () => {
    await api(server.baseUrl, "POST", "/api/v1/help/admin/articles", {
      session: server.owner,
      body: {
        slug: "xss",
        title: "<script>alert(1)</script> 제목",
        category: ["a", "b", "c"],
        body: "<img src=x onerror=alert(1)> **굵게**",
      },
    });
    const page = await fetch(`${server.baseUrl}/help/articles/xss`);
    const html = await page.text();
    assert.ok(!html.includes("<script>alert(1)</script>"));
    assert.ok(!html.includes("<img src=x"));
    assert.ok(html.includes("<strong>굵게</strong>"));
    const results = await (await fetch(`${server.baseUrl}/help?q=${encodeURIComponent("<script>")}`)).text();
    assert.ok(!results.includes("<script>alert"));
    assert.match(results, /도움말 검색 결과 <span class="count" id="total">\(총 \d+건\)<\/span>/);
  });
});
