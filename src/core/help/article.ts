/** A help-center article as stored and as the admin API returns it (the server and the admin center share it). */
export interface HelpArticle {
  slug: string;
  title: string;
  category: string[];
  tags: string[];
  body: string;
  published: boolean;
  views: number;
  createdAt: string;
  updatedAt: string;
}

export type HelpArticleInput = Omit<HelpArticle, "views" | "createdAt" | "updatedAt"> & { createdAt?: string; updatedAt?: string };
