// sys.url: http(s)://…, www.…, or a bare host with a well-known TLD (example.com, shop.co.kr/a).
// Hangul ends a URL ("https://a.kr에서" gives "https://a.kr"); trailing punctuation is dropped.
// The host of an e-mail address is not a URL. Value: the URL as typed.

import { findEmails } from "./email.js";
import { type Found, toValues } from "./found.js";
import { isDigit, isLatin, matchAll } from "./korean-text.js";
import type { Extractor } from "./types.js";

export interface UrlResolution {
  /** The URL with a scheme ("https://" added to bare hosts). */
  href: string;
  host: string;
}

const TLDS = "com|net|org|kr|io|co|me|app|dev|info|biz|shop|store|xyz|ai|jp|cn|us|uk|edu|gov|tv|site|online";
const URL_TAIL = "[^\\s<>\"'\\u3131-\\u318e\\uac00-\\ud7a3]*";
const RE_URL = new RegExp(
  `https?:\\/\\/${URL_TAIL}|www\\.${URL_TAIL}|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:${TLDS})(?![a-z0-9-])(?:[/?#:]${URL_TAIL})?`,
  "gi",
);

export function findUrls(text: string): Found<UrlResolution>[] {
  const emails = findEmails(text);
  const out: Found<UrlResolution>[] = [];
  for (const m of matchAll(RE_URL, text)) {
    const start = m.index;
    const prev = text[start - 1];
    if (prev === "@" || prev === "." || prev === "-" || isLatin(prev) || isDigit(prev)) continue;
    const raw = m[0].replace(/[.,!?;:'")\]}]+$/, "");
    const end = start + raw.length;
    if (emails.some((e) => start < e.end && e.start < end)) continue;
    const href = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
    const host = (href.replace(/^https?:\/\//i, "").split(/[/?#:]/)[0] ?? "").toLowerCase();
    if (host === "" || (!/^https?:\/\//i.test(raw) && !host.includes("."))) continue;
    out.push({ start, end, value: raw, resolved: { href, host } });
  }
  return out;
}

export const extractUrl: Extractor = (text) => toValues("sys.url", text, findUrls(text));
