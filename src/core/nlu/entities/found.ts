// A structured match before it becomes an EntityValue (shared by phone, e-mail and URL).

import { pickLongest, type Span } from "./korean-text.js";
import type { EntityValue } from "./types.js";

export interface Found<T> extends Span {
  resolved: T;
  value: string;
}

export function toValues<T>(entity: string, text: string, found: readonly Found<T>[]): EntityValue[] {
  return pickLongest(found).map((f) => ({
    entity,
    origin: text.slice(f.start, f.end),
    value: f.value,
    resolved: f.resolved,
    start: f.start,
    end: f.end,
  }));
}
