/** Help-center articles and search synonyms. */
import type { Kysely } from "kysely";
import type { HelpArticle, HelpArticleInput } from "../core/help/article.js";
import { isoNow, newId } from "./ids.js";
import type { Database } from "./schema.js";

export type { HelpArticle, HelpArticleInput };

function parseList(text: string): string[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function toArticle(row: Database["help_articles"]): HelpArticle {
  return {
    slug: row.slug,
    title: row.title,
    category: parseList(row.category),
    tags: parseList(row.tags),
    body: row.body,
    published: Number(row.published) === 1,
    views: Number(row.views),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class HelpRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async all(): Promise<HelpArticle[]> {
    const rows = await this.db.selectFrom("help_articles").selectAll().orderBy("slug").execute();
    return rows.map(toArticle);
  }

  async get(slug: string): Promise<HelpArticle | undefined> {
    const row = await this.db.selectFrom("help_articles").selectAll().where("slug", "=", slug).executeTakeFirst();
    return row && toArticle(row);
  }

  async slugs(): Promise<Set<string>> {
    const rows = await this.db.selectFrom("help_articles").select("slug").execute();
    return new Set(rows.map((r) => r.slug));
  }

  async insert(article: HelpArticleInput): Promise<HelpArticle> {
    const now = isoNow();
    const row = {
      slug: article.slug,
      title: article.title,
      category: JSON.stringify(article.category),
      tags: JSON.stringify(article.tags),
      body: article.body,
      published: article.published ? 1 : 0,
      views: 0,
      created_at: article.createdAt ?? now,
      updated_at: article.updatedAt ?? now,
    };
    await this.db.insertInto("help_articles").values(row).execute();
    return toArticle(row);
  }

  async update(slug: string, article: Omit<HelpArticleInput, "slug">): Promise<HelpArticle | undefined> {
    await this.db
      .updateTable("help_articles")
      .set({
        title: article.title,
        category: JSON.stringify(article.category),
        tags: JSON.stringify(article.tags),
        body: article.body,
        published: article.published ? 1 : 0,
        updated_at: isoNow(),
      })
      .where("slug", "=", slug)
      .execute();
    return this.get(slug);
  }

  async setPublished(slug: string, published: boolean): Promise<boolean> {
    const res = await this.db
      .updateTable("help_articles")
      .set({ published: published ? 1 : 0, updated_at: isoNow() })
      .where("slug", "=", slug)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async delete(slug: string): Promise<boolean> {
    const res = await this.db.deleteFrom("help_articles").where("slug", "=", slug).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }

  async addView(slug: string): Promise<void> {
    await this.db
      .updateTable("help_articles")
      .set((eb) => ({ views: eb("views", "+", 1) }))
      .where("slug", "=", slug)
      .execute();
  }

  async synonyms(): Promise<Array<{ id: string; terms: string[] }>> {
    const rows = await this.db.selectFrom("help_synonyms").selectAll().orderBy("created_at").execute();
    return rows.map((r) => ({ id: r.id, terms: parseList(r.terms) }));
  }

  /** Replaces every synonym group at once (the admin edits them as one list). */
  async replaceSynonyms(groups: string[][]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("help_synonyms").execute();
      for (const terms of groups) {
        await trx
          .insertInto("help_synonyms")
          .values({ id: newId(), terms: JSON.stringify(terms), created_at: isoNow() })
          .execute();
      }
    });
  }
}
