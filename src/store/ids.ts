import { createHash, randomBytes } from "node:crypto";

/** 24 hex characters, the shape of the platform's bot and block ids. */
export function newId(): string {
  return randomBytes(12).toString("hex");
}

/** A random secret for cookies and tokens (base64url, 256 bits). */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function isoNow(now: Date = new Date()): string {
  return now.toISOString();
}
