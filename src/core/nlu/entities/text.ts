// sys.text: the whole utterance (trimmed) is the value. Empty input holds no text.

import type { EntityValue, Extractor } from "./types.js";

export const extractText: Extractor = (text): EntityValue[] => {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  const start = text.indexOf(trimmed);
  return [{ entity: "sys.text", origin: trimmed, value: trimmed, resolved: trimmed, start, end: start + trimmed.length }];
};
