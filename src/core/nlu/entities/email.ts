// sys.email: an e-mail address; value is the address with the domain lower-cased.

import { type Found, toValues } from "./found.js";
import { matchAll } from "./korean-text.js";
import type { Extractor } from "./types.js";

export interface EmailResolution {
  address: string;
  local: string;
  domain: string;
}

const RE_EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

export function findEmails(text: string): Found<EmailResolution>[] {
  const out: Found<EmailResolution>[] = [];
  for (const m of matchAll(RE_EMAIL, text)) {
    const at = m[0].lastIndexOf("@");
    const local = m[0].slice(0, at);
    if (local.startsWith(".") || local.endsWith(".")) continue;
    const domain = m[0].slice(at + 1).toLowerCase();
    const address = `${local}@${domain}`;
    out.push({ start: m.index, end: m.index + m[0].length, value: address, resolved: { address, local, domain } });
  }
  return out;
}

export const extractEmail: Extractor = (text) => toValues("sys.email", text, findEmails(text));
