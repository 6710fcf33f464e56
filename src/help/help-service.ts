/**
 * The help center: article search with counts per category, sorting and pagination, article pages
 * (Markdown rendered without raw HTML) and view counts. The search index is rebuilt when articles
 * or synonyms change; for a few thousand articles that takes well under a second.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { buildSearchIndex, makeSnippet, type SearchIndex } from "../core/search/index.js";
import type { HelpArticle } from "../store/help-repo.js";
import type { Store } from "../store/store.js";
import { parseArticleFile, SLUG_PATTERN } from "./article-file.js";

export type HelpSort = "relevance" | "newest" | "views";
export const HELP_PAGE_SIZE = 10;
/** Hits below this share of the query are noise (one stray syllable), not answers. */
const MIN_SCORE = 0.1;

export interface HelpSearchQuery {
  q: string;
  sort: HelpSort;
  /** A category path ("A > B > C") or a prefix of one ("A", "A > B"). */
  category?: string;
  page: number;
}

export interface HelpResult {
  slug: string;
  title: string;
  categoryPath: string;
  category: string[];
  snippet: { text: string; highlights: Array<{ start: number; end: number }> };
  titleHighlights: Array<{ start: number; end: number }>;
  updatedAt: string;
  views: number;
  score: number | null;
}

export interface HelpSearchResult {
  query: HelpSearchQuery;
  total: number;
  page: number;
  pages: number;
  results: HelpResult[];
  /** Counts of matching articles per category path (before the category filter). */
  categories: Array<{ path: string; count: number }>;
  /** Shown when nothing matched: popular articles and the biggest categories. */
  suggestions?: { popular: Array<{ slug: string; title: string }>; categories: Array<{ path: string; count: number }> };
}

export const categoryPath = (category: readonly string[]) => category.join(" > ");

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
// Articles link to each other by bare slug, e.g. [상담원 연결](operator-handoff).
const defaultLink = markdown.renderer.rules.link_open;
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const raw = token?.attrGet("href");
  const href = typeof raw === "string" ? raw : undefined;
  if (token && href && SLUG_PATTERN.test(href)) token.attrSet("href", `/help/articles/${href}`);
  if (token && href && /^https?:/i.test(href)) token.attrSet("rel", "noopener noreferrer");
  return defaultLink ? defaultLink(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
};

export function renderMarkdown(text: string): string {
  return markdown.render(text);
}

/** Plain text of Markdown for indexing and snippets. */
export function markdownToText(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^#+\s*/gm, "")
    .replace(/[*_>|]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The query itself plus, for each synonym group it mentions, the query with each other term. */
export function queryVariants(query: string, groups: readonly string[][]): string[] {
  const variants = new Set([query]);
  const lower = query.toLowerCase();
  for (const group of groups) {
    const present = group.find((term) => lower.includes(term.toLowerCase()));
    if (!present) continue;
    const at = lower.indexOf(present.toLowerCase());
    for (const other of group) {
      if (other !== present) variants.add(`${query.slice(0, at)}${other}${query.slice(at + present.length)}`);
    }
  }
  return [...variants].slice(0, 20);
}

export class HelpService {
  private index: { search: SearchIndex; articles: Map<string, HelpArticle & { text: string }>; synonyms: string[][] } | undefined;

  constructor(private readonly store: Store) {}

  /** Loads shipped articles whose slug is not stored yet (admin edits are never overwritten). */
  async seedFromFolder(folder: string): Promise<{ added: number; errors: string[] }> {
    let names: string[];
    try {
      names = (await readdir(folder)).filter((n) => n.endsWith(".md")).sort();
    } catch {
      return { added: 0, errors: [] };
    }
    const existing = await this.store.help.slugs();
    const errors: string[] = [];
    let added = 0;
    for (const name of names) {
      const slug = name.slice(0, -3);
      if (existing.has(slug)) continue;
      const parsed = parseArticleFile(slug, await readFile(join(folder, name), "utf8"));
      if (!parsed.ok) {
        errors.push(parsed.error);
        continue;
      }
      const a = parsed.article;
      await this.store.help.insert({ ...a, published: true });
      added++;
    }
    if (added > 0) this.invalidate();
    return { added, errors };
  }

  invalidate(): void {
    this.index = undefined;
  }

  private async ensureIndex() {
    if (this.index) return this.index;
    const [articles, synonyms] = await Promise.all([this.store.help.all(), this.store.help.synonyms()]);
    const published = articles.filter((a) => a.published).map((a) => ({ ...a, text: markdownToText(a.body) }));
    const search = buildSearchIndex(
      published.map((a) => ({ id: a.slug, title: a.title, body: a.text, tags: a.tags, category: a.category.join(" ") })),
      { synonyms: synonyms.map((s) => s.terms) },
    );
    this.index = { search, articles: new Map(published.map((a) => [a.slug, a])), synonyms: synonyms.map((s) => s.terms) };
    return this.index;
  }

  async search(query: HelpSearchQuery): Promise<HelpSearchResult> {
    const { search, articles, synonyms } = await this.ensureIndex();
    const q = query.q.trim();
    let matched: Array<{ article: HelpArticle & { text: string }; score: number | null; terms: string[] }>;
    if (q === "") {
      matched = [...articles.values()].map((article) => ({ article, score: null, terms: [] }));
    } else {
      // An admin's synonym counts as if the user had typed it: search each variant, keep the best score.
      const best = new Map<string, { id: string; score: number; matchedTerms: string[] }>();
      for (const variant of queryVariants(q, synonyms)) {
        for (const hit of search.search(variant, { limit: 1000 })) {
          const seen = best.get(hit.id);
          if (!seen || hit.score > seen.score) best.set(hit.id, hit);
        }
      }
      matched = [...best.values()]
        .filter((h) => h.score >= MIN_SCORE)
        .flatMap((h) => {
          const article = articles.get(h.id);
          return article ? [{ article, score: h.score, terms: h.matchedTerms }] : [];
        });
    }
    const counts = new Map<string, number>();
    for (const m of matched) {
      const path = categoryPath(m.article.category);
      counts.set(path, (counts.get(path) ?? 0) + 1);
    }
    const categories = [...counts.entries()]
      .map(([path, count]) => ({ path, count }))
      .sort((a, b) => b.count - a.count || a.path.localeCompare(b.path, "ko"));
    const inCategory = query.category
      ? matched.filter((m) => {
          const path = categoryPath(m.article.category);
          return path === query.category || path.startsWith(`${query.category} > `);
        })
      : matched;
    const sorted = [...inCategory].sort((a, b) => {
      if (query.sort === "newest")
        return b.article.updatedAt.localeCompare(a.article.updatedAt) || a.article.slug.localeCompare(b.article.slug);
      if (query.sort === "views") return b.article.views - a.article.views || b.article.updatedAt.localeCompare(a.article.updatedAt);
      return (b.score ?? 0) - (a.score ?? 0) || b.article.updatedAt.localeCompare(a.article.updatedAt);
    });
    const pages = Math.max(1, Math.ceil(sorted.length / HELP_PAGE_SIZE));
    const page = Math.min(Math.max(1, query.page), pages);
    const results = sorted.slice((page - 1) * HELP_PAGE_SIZE, page * HELP_PAGE_SIZE).map(({ article, score, terms }) => {
      const snippet = q === "" ? { text: article.text.slice(0, 160), highlights: [] } : makeSnippet(article.text, q, 160, terms);
      const title = q === "" ? { highlights: [] } : makeSnippet(article.title, q, 500, terms);
      return {
        slug: article.slug,
        title: article.title,
        categoryPath: categoryPath(article.category),
        category: article.category,
        snippet,
        titleHighlights: title.highlights,
        updatedAt: article.updatedAt,
        views: article.views,
        score,
      };
    });
    const result: HelpSearchResult = { query: { ...query, page }, total: sorted.length, page, pages, results, categories };
    if (sorted.length === 0) result.suggestions = await this.suggestions();
    return result;
  }

  async suggestions(): Promise<NonNullable<HelpSearchResult["suggestions"]>> {
    const { articles } = await this.ensureIndex();
    const list = [...articles.values()];
    const popular = [...list]
      .sort((a, b) => b.views - a.views || b.updatedAt.localeCompare(a.updatedAt))
      .slice(0, 5)
      .map((a) => ({ slug: a.slug, title: a.title }));
    const counts = new Map<string, number>();
    for (const a of list) counts.set(categoryPath(a.category), (counts.get(categoryPath(a.category)) ?? 0) + 1);
    const categories = [...counts.entries()]
      .map(([path, count]) => ({ path, count }))
      .sort((a, b) => b.count - a.count)
      .slice(0, 6);
    return { popular, categories };
  }

  /** A published article for readers; counts the view. */
  async read(slug: string): Promise<(HelpArticle & { html: string }) | undefined> {
    const article = await this.store.help.get(slug);
    if (!article?.published) return undefined;
    await this.store.help.addView(slug);
    // Views change ordering only; the index keeps its own copy, refreshed on the next edit.
    const cached = this.index?.articles.get(slug);
    if (cached) cached.views = article.views + 1;
    return { ...article, views: article.views + 1, html: renderMarkdown(article.body) };
  }
}
