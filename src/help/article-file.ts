/**
 * Help articles as files: Markdown with a YAML front matter (title, three-level category, tags,
 * created, updated). botcenter ships its own under help/articles/ and loads them on start.
 */
import { parse } from "yaml";
import { z } from "zod";

const dateText = z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString()));

export const articleFrontMatterSchema = z.object({
  title: z.string().trim().min(1).max(200),
  category: z.array(z.string().trim().min(1).max(50)).length(3, "must have exactly three levels"),
  tags: z.array(z.string().trim().min(1).max(50)).max(30).default([]),
  created: dateText,
  updated: dateText,
});

export interface ArticleFile {
  slug: string;
  title: string;
  category: string[];
  tags: string[];
  body: string;
  createdAt: string;
  updatedAt: string;
}

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function parseArticleFile(slug: string, text: string): { ok: true; article: ArticleFile } | { ok: false; error: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return { ok: false, error: `${slug}: missing front matter (--- ... ---)` };
  let front: unknown;
  try {
    front = parse(match[1] ?? "");
  } catch (error) {
    return { ok: false, error: `${slug}: front matter is not YAML (${error instanceof Error ? error.message : error})` };
  }
  const parsed = articleFrontMatterSchema.safeParse(front);
  if (!parsed.success) {
    return { ok: false, error: `${slug}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}` };
  }
  const f = parsed.data;
  return {
    ok: true,
    article: {
      slug,
      title: f.title,
      category: f.category,
      tags: f.tags,
      body: (match[2] ?? "").trim(),
      createdAt: f.created,
      updatedAt: f.updated,
    },
  };
}
