/** Article categories are three levels; the list shows them as one path. */
export const CATEGORY_LEVELS = 3;

export function categoryPath(category: readonly string[]): string {
  return category.join(" › ");
}

/** A three-slot array from whatever the article had (older data may have fewer levels). */
export function toLevels(category: readonly string[]): string[] {
  return Array.from({ length: CATEGORY_LEVELS }, (_, i) => category[i] ?? "");
}
