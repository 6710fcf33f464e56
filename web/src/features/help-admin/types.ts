/** Help article as the admin API returns it (src/store/help-repo.ts). */
export interface HelpArticle {
  slug: string;
  title: string;
  /** Exactly three levels, e.g. ["챗봇 만들기", "블록", "발화"]. */
  category: string[];
  tags: string[];
  body: string;
  published: boolean;
  views: number;
  createdAt: string;
  updatedAt: string;
}

export type ArticleDraft = Pick<HelpArticle, "slug" | "title" | "category" | "tags" | "body" | "published">;
