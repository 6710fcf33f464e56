/** Only http(s) links and images reach the DOM: a bot answer must never run `javascript:` URLs. */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Digits, spaces, + and - only, so a `tel:` link dials exactly what the bot shows. */
export function safePhone(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const cleaned = value.replace(/[^0-9+\-\s]/g, "").trim();
  return cleaned === "" ? undefined : cleaned.replace(/\s+/g, "");
}
