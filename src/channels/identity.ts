/**
 * Who is chatting: a random anonymous id the browser keeps (localStorage), or a user id the embedding
 * site vouches for by signing it with the channel secret:
 *   signature = hex(HMAC-SHA256(channelSecret, userId))
 * Both become a "person id" that the channel's and the bot's user keys are derived from. Room tokens
 * (HMAC of the room id) let the browser reach its room without any admin credentials.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "../services/errors.js";

export type ChatIdentity = { anonymousId: string } | { userId: string; signature: string };

const ANONYMOUS_ID = /^[A-Za-z0-9_-]{16,64}$/;

export function signUserId(channelSecret: string, userId: string): string {
  return createHmac("sha256", channelSecret).update(userId, "utf8").digest("hex");
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The person id of an identity, or an AppError saying what is wrong with it. */
export function personIdOf(channelSecret: string, identity: ChatIdentity): string {
  if ("anonymousId" in identity) {
    if (!ANONYMOUS_ID.test(identity.anonymousId)) {
      throw new AppError(400, "invalid_identity", "anonymousId: 16 to 64 characters of A-Z, a-z, 0-9, _ or -", "anonymousId");
    }
    return `anon:${identity.anonymousId}`;
  }
  if (!sameText(signUserId(channelSecret, identity.userId), identity.signature.toLowerCase())) {
    throw new AppError(401, "invalid_signature", "signature: must be hex(HMAC-SHA256(channel secret, userId))", "signature");
  }
  return `site:${identity.userId}`;
}

export function roomToken(channelSecret: string, roomId: string): string {
  return createHmac("sha256", channelSecret).update(`room:${roomId}`).digest("base64url");
}

export function checkRoomToken(channelSecret: string, roomId: string, token: string | undefined): void {
  if (!token || !sameText(roomToken(channelSecret, roomId), token)) {
    throw new AppError(401, "invalid_room_token", "token: missing or wrong room token (open the chat again)");
  }
}
