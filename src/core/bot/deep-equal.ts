/** Structural equality of JSON-like values (what bot files hold); undefined object members count as absent. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  const ea = Object.entries(a).filter(([, v]) => v !== undefined);
  const mb = new Map(Object.entries(b).filter(([, v]) => v !== undefined));
  return ea.length === mb.size && ea.every(([k, v]) => mb.has(k) && deepEqual(v, mb.get(k)));
}
