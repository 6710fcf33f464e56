/**
 * The public help center pages (/help, /help/articles/:slug), rendered on the server so they load
 * fast, work without JavaScript and can be shared by URL (query, sort, category and page live in it).
 * Every piece of text is escaped; highlights are added around escaped segments only.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { categoryPath, type HelpSearchResult, type HelpSort } from "../../help/help-service.js";
import type { ServerContext } from "../context.js";
import { helpQuerySchema } from "./help.js";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/** Escapes `text` and wraps the highlight ranges in <mark>. */
export function highlight(text: string, ranges: ReadonlyArray<{ start: number; end: number }>): string {
  let out = "";
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue;
    out += escapeHtml(text.slice(at, r.start));
    out += `<mark>${escapeHtml(text.slice(r.start, r.end))}</mark>`;
    at = r.end;
  }
  return out + escapeHtml(text.slice(at));
}

const SORT_LABELS: Record<HelpSort, string> = { relevance: "정확도순", newest: "최신순", views: "조회순" };

const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:"Pretendard","Apple SD Gothic Neo","Noto Sans KR","NanumGothic",sans-serif;color:#1d1d1f;background:#f7f7f8;line-height:1.6}
a{color:#0b57d0;text-decoration:none}a:hover{text-decoration:underline}
header{background:#fff;border-bottom:1px solid #e5e5ea}header .in{max-width:960px;margin:0 auto;padding:14px 20px;display:flex;gap:16px;align-items:center}
header .logo{font-weight:700;font-size:18px;color:#1d1d1f}
main{max-width:960px;margin:0 auto;padding:20px}
form.search{display:flex;gap:8px;margin:8px 0 20px}form.search input[type=search]{flex:1;padding:12px 14px;font-size:16px;border:1px solid #c7c7cc;border-radius:10px}
button,select{font:inherit}form.search button{padding:0 18px;border:0;border-radius:10px;background:#fee500;font-weight:700;cursor:pointer}
h1{font-size:22px;margin:8px 0 12px}.count{color:#6e6e73;font-weight:400}
.layout{display:grid;grid-template-columns:240px 1fr;gap:24px}@media(max-width:760px){.layout{grid-template-columns:1fr}}
nav.cats ul{list-style:none;margin:0;padding:0}nav.cats li a{display:flex;justify-content:space-between;padding:6px 10px;border-radius:8px;color:#1d1d1f}
nav.cats li a[aria-current=true]{background:#fff4b3;font-weight:700}nav.cats .n{color:#6e6e73}
.toolbar{display:flex;gap:8px;align-items:center;margin-bottom:12px;flex-wrap:wrap}.toolbar a{padding:4px 10px;border-radius:999px;border:1px solid #d2d2d7;color:#1d1d1f;font-size:14px}
.toolbar a[aria-current=true]{background:#1d1d1f;color:#fff;border-color:#1d1d1f}
ol.results{list-style:none;padding:0;margin:0}ol.results li{background:#fff;border:1px solid #e5e5ea;border-radius:12px;padding:14px 16px;margin-bottom:10px}
.path{font-size:13px;color:#6e6e73}.title{font-size:17px;font-weight:700;display:block;margin:2px 0}.snippet{color:#3a3a3c;font-size:14px}
mark{background:#fff1a8;color:inherit;padding:0 1px;border-radius:3px}
.pager{display:flex;gap:6px;margin-top:16px}.pager a,.pager span{padding:4px 10px;border-radius:8px;border:1px solid #d2d2d7}.pager span[aria-current]{background:#1d1d1f;color:#fff}
.empty{background:#fff;border:1px dashed #c7c7cc;border-radius:12px;padding:20px}
article.doc{background:#fff;border:1px solid #e5e5ea;border-radius:12px;padding:20px 24px}article.doc pre{background:#f2f2f7;padding:12px;border-radius:8px;overflow:auto}
article.doc table{border-collapse:collapse}article.doc td,article.doc th{border:1px solid #d2d2d7;padding:6px 10px}
.meta{color:#6e6e73;font-size:13px}
`;

function page(title: string, body: string, query = ""): string {
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>
<header><div class="in"><a class="logo" href="/help">botcenter 도움말</a></div></header>
<main>
<form class="search" action="/help" method="get" role="search">
<input type="search" name="q" value="${escapeHtml(query)}" placeholder="궁금한 내용을 검색해 보세요 (예: 플러그인 등록, ㅍㄹㄱㅇ)" aria-label="도움말 검색어">
<button type="submit">검색</button></form>
${body}</main></body></html>`;
}

function searchUrl(q: string, sort: HelpSort, category: string | undefined, pageNo: number): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (sort !== "relevance") params.set("sort", sort);
  if (category) params.set("category", category);
  if (pageNo > 1) params.set("page", String(pageNo));
  const s = params.toString();
  return s ? `/help?${s}` : "/help";
}

function renderSearch(result: HelpSearchResult): string {
  const { q, sort, category } = result.query;
  const cats = [
    `<li><a href="${escapeHtml(searchUrl(q, sort, undefined, 1))}" aria-current="${category ? "false" : "true"}"><span>전체</span><span class="n">${result.categories.reduce((n, c) => n + c.count, 0)}</span></a></li>`,
    ...result.categories.map(
      (c) =>
        `<li><a href="${escapeHtml(searchUrl(q, sort, c.path, 1))}" aria-current="${category === c.path ? "true" : "false"}"><span>${escapeHtml(c.path.split(" > ").slice(1).join(" > "))}</span><span class="n">${c.count}</span></a></li>`,
    ),
  ].join("");
  const sorts = (Object.keys(SORT_LABELS) as HelpSort[])
    .map(
      (s) => `<a href="${escapeHtml(searchUrl(q, s, category, 1))}" aria-current="${s === sort ? "true" : "false"}">${SORT_LABELS[s]}</a>`,
    )
    .join("");
  const items = result.results
    .map(
      (r) => `<li><div class="path">${r.category.map((c) => `[${escapeHtml(c)}]`).join("")}</div>
<a class="title" href="/help/articles/${escapeHtml(r.slug)}">${highlight(r.title, r.titleHighlights)}</a>
<div class="snippet">${highlight(r.snippet.text, r.snippet.highlights)}</div></li>`,
    )
    .join("");
  let list = `<ol class="results" aria-label="도움말 검색 결과">${items}</ol>`;
  if (result.total === 0) {
    const s = result.suggestions;
    list = `<div class="empty"><p><strong>${q ? `'${escapeHtml(q)}'에 대한 검색 결과가 없습니다.` : "아직 도움말이 없습니다."}</strong> 띄어쓰기를 바꾸거나 더 짧은 낱말로 검색해 보세요. 초성(예: ㅅㅋ)으로도 찾을 수 있어요.</p>
${s && s.categories.length > 0 ? `<p>이런 카테고리는 어떠세요?</p><ul>${s.categories.map((c) => `<li><a href="${escapeHtml(searchUrl("", "relevance", c.path, 1))}">${escapeHtml(c.path)}</a> (${c.count})</li>`).join("")}</ul>` : ""}
${s && s.popular.length > 0 ? `<p>많이 본 도움말</p><ul>${s.popular.map((a) => `<li><a href="/help/articles/${escapeHtml(a.slug)}">${escapeHtml(a.title)}</a></li>`).join("")}</ul>` : ""}</div>`;
  }
  const pager =
    result.pages > 1
      ? `<nav class="pager" aria-label="페이지">${Array.from({ length: result.pages }, (_, i) => i + 1)
          .map((n) =>
            n === result.page
              ? `<span aria-current="page">${n}</span>`
              : `<a href="${escapeHtml(searchUrl(q, sort, category, n))}">${n}</a>`,
          )
          .join("")}</nav>`
      : "";
  return `<h1>${q ? "도움말 검색 결과" : "전체 도움말"} <span class="count" id="total">(총 ${result.total}건)</span></h1>
<div class="layout"><nav class="cats" aria-label="카테고리 선택"><strong>카테고리 선택</strong><ul>${cats}</ul></nav>
<section><div class="toolbar" aria-label="정렬 기준"><strong>정렬 기준</strong>${sorts}</div>${list}${pager}</section></div>`;
}

export function helpPageRoutes(ctx: ServerContext): FastifyPluginAsyncZod {
  const { help } = ctx;
  return async (app) => {
    app.get("/help", { schema: { hide: true, querystring: helpQuerySchema } }, async (request, reply) => {
      const result = await help.search(request.query);
      const title = request.query.q ? `'${request.query.q}' 검색 결과 - botcenter 도움말` : "botcenter 도움말";
      return reply.type("text/html; charset=utf-8").send(page(title, renderSearch(result), request.query.q));
    });

    app.get("/help/articles/:slug", { schema: { hide: true, params: z.object({ slug: z.string().max(100) }) } }, async (request, reply) => {
      const article = await help.read(request.params.slug);
      if (!article) {
        return reply
          .status(404)
          .type("text/html; charset=utf-8")
          .send(
            page(
              "도움말을 찾을 수 없습니다",
              `<div class="empty"><p>요청하신 도움말이 없거나 비공개로 바뀌었습니다.</p><p><a href="/help">도움말 홈으로</a></p></div>`,
            ),
          );
      }
      const path = categoryPath(article.category);
      const body = `<p class="path"><a href="${escapeHtml(searchUrl("", "relevance", path, 1))}">${article.category.map(escapeHtml).join(" &gt; ")}</a></p>
<article class="doc"><h1>${escapeHtml(article.title)}</h1><p class="meta">업데이트 ${escapeHtml(article.updatedAt.slice(0, 10))} · 조회 ${article.views}</p>
${article.html}
${article.tags.length > 0 ? `<p class="meta">태그: ${article.tags.map((t) => `<a href="${escapeHtml(searchUrl(t, "relevance", undefined, 1))}">#${escapeHtml(t)}</a>`).join(" ")}</p>` : ""}</article>`;
      return reply.type("text/html; charset=utf-8").send(page(`${article.title} - botcenter 도움말`, body));
    });
  };
}
