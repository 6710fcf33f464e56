/**
 * Stable user identifiers with the platform's scopes: botUserKey is per bot (64 hex, like the
 * platform's), plusfriendUserKey per channel (short). Derived from a secret-free hash of the scope
 * and the room's own user id, so the same person gets different keys in different bots.
 */
import { createHash } from "node:crypto";

export function botUserKeyFor(botId: string, userId: string): string {
  return createHash("sha256").update(`bot:${botId}:${userId}`).digest("hex");
}

export function plusfriendUserKeyFor(channelId: string, userId: string): string {
  return createHash("sha256").update(`channel:${channelId}:${userId}`).digest("base64url").slice(0, 12);
}
