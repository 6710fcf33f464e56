/** System entities botcenter extracts (names only; labels and examples are translated). */
export const SYSTEM_ENTITY_NAMES = [
  "sys.number",
  "sys.date",
  "sys.time",
  "sys.date.time",
  "sys.phone.number",
  "sys.email",
  "sys.url",
  "sys.unit.currency",
  "sys.location",
  "sys.text",
] as const;
