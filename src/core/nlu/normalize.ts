// Canonical form of a user utterance before matching.
// Everything here must be safe for any language: it never changes what a sentence
// means, only how it happens to be typed (Unicode form, Latin case, spacing, and
// punctuation that carries no intent such as "?", "!", "~", "…").

// Punctuation and symbols that never decide an intent. Kept on purpose: "%", "+",
// "#", "@", "/", ":", "-", because "3:30", "10%" or an e-mail address carry meaning.
const IGNORABLE = /[!?.,;~'"`()[\]{}<>«»“”‘’「」『』【】…·・‥ㆍ*^=|\\♡♥★☆]+/gu;
// Runs of laughing/crying jamo ("ㅋㅋ", "ㅎㅎ", "ㅠㅠ") are tone, not content. A single
// jamo is left alone: it may be a typo inside a word that typo-tolerant features use.
const LAUGHTER = /[ㅋㅎㅠㅜ]{2,}/gu;
const WHITESPACE = /\s+/gu;

/** NFC, lower-case Latin, strip punctuation that never matters, collapse spaces. */
export function normalizeUtterance(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(IGNORABLE, " ").replace(LAUGHTER, " ").replace(WHITESPACE, " ").trim();
}
