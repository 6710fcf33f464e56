/** Synonym groups as the editor's text: one group per line, terms separated by commas. */

export interface SynonymParse {
  groups: string[][];
  /** 1-based line numbers of groups with fewer than two distinct terms. */
  tooShort: number[];
}

export function formatSynonyms(groups: readonly (readonly string[])[]): string {
  return groups.map((g) => g.join(", ")).join("\n");
}

export function parseSynonyms(text: string): SynonymParse {
  const groups: string[][] = [];
  const tooShort: number[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const terms = [
      ...new Set(
        line
          .split(/[,，]/)
          .map((term) => term.trim())
          .filter((term) => term !== ""),
      ),
    ];
    if (terms.length === 0) return;
    if (terms.length < 2) tooShort.push(index + 1);
    else groups.push(terms);
  });
  return { groups, tooShort };
}

/**
 * The groups from the API. PUT takes `string[][]`; GET currently answers `{id, terms}` per group,
 * so both shapes are read.
 */
export function readGroups(value: unknown): string[][] {
  if (!Array.isArray(value)) return [];
  const out: string[][] = [];
  for (const group of value) {
    const terms: unknown = Array.isArray(group)
      ? group
      : typeof group === "object" && group !== null && "terms" in group
        ? group.terms
        : null;
    if (Array.isArray(terms)) out.push(terms.filter((term): term is string => typeof term === "string"));
  }
  return out;
}
