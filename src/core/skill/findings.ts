// A validation finding: where (JSON path), which rule, and a message that repeats the path so it
// reads on its own in logs ("template.outputs[1].basicCard.buttons: at most 3, got 4").

export type Severity = "error" | "warning";

export type Finding = {
  path: string;
  rule: string;
  message: string;
  severity: Severity;
};

export function finding(path: string, rule: string, detail: string, severity: Severity = "error"): Finding {
  return { path, rule, message: path === "" ? detail : `${path}: ${detail}`, severity };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

/** Appends a JSON path segment: `joinPath("a", 1)` → `a[1]`, `joinPath("a", "b")` → `a.b`. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === "number") return `${base}[${key}]`;
  return base === "" ? key : `${base}.${key}`;
}

/** One line per finding, errors first, for terminals and logs. */
export function formatFindings(findings: readonly Finding[]): string {
  const ordered = [...findings.filter((f) => f.severity === "error"), ...findings.filter((f) => f.severity === "warning")];
  return ordered.map((f) => `${f.severity === "error" ? "error  " : "warning"} ${f.message} [${f.rule}]`).join("\n");
}
