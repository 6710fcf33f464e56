import type { HelpArticle } from "../../../../src/core/help/article.js";

export type { HelpArticle };

export type ArticleDraft = Pick<HelpArticle, "slug" | "title" | "category" | "tags" | "body" | "published">;
