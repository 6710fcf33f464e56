// Light Korean stemming: drop the particle or ending glued to a word so "플러그인을",
// "플러그인이" and "플러그인에서는" all meet at "플러그인". It is a suffix list, not a
// morphological analyser; char n-grams cover what it misses.

// Endings of 하다/되다 verbs and common polite/plain sentence endings (longest first at use).
const ENDINGS = [
  "하려면",
  "하려고",
  "하는데",
  "했는데",
  "합니다",
  "하세요",
  "하셨어",
  "했어요",
  "해줘요",
  "해주세요",
  "했어",
  "했다",
  "해요",
  "해서",
  "해야",
  "하는",
  "하고",
  "하면",
  "하기",
  "하지",
  "해줘",
  "하다",
  "할까",
  "됩니다",
  "되나요",
  "되는데",
  "됐어요",
  "됐어",
  "됐다",
  "돼요",
  "되는",
  "되고",
  "되면",
  "되다",
  "된다",
  "습니다",
  "었어요",
  "았어요",
  "인가요",
  "는데요",
  "을까요",
  "나요",
  "까요",
  "어요",
  "아요",
  "네요",
  "지요",
  "는데",
  "인데",
  "었어",
  "았어",
  "었다",
  "았다",
];

// Particles, compounds first so "에서는" is removed in one step.
const PARTICLES = [
  "에서부터",
  "으로부터",
  "에서는",
  "에서도",
  "에게는",
  "에게서",
  "한테서",
  "으로는",
  "으로도",
  "까지는",
  "부터는",
  "이라고",
  "이라는",
  "이라도",
  "이랑은",
  "처럼은",
  "으로서",
  "으로써",
  "에서",
  "에게",
  "한테",
  "께서",
  "으로",
  "까지",
  "부터",
  "보다",
  "처럼",
  "마다",
  "조차",
  "마저",
  "이나",
  "이랑",
  "이라",
  "라고",
  "라는",
  "로서",
  "로써",
  "에는",
  "에도",
  "와는",
  "과는",
  "하고",
  "이며",
  "이고",
  "이다",
  "이요",
  "을",
  "를",
  "이",
  "가",
  "은",
  "는",
  "의",
  "에",
  "도",
  "만",
  "로",
  "와",
  "과",
  "랑",
  "나",
  "요",
];

// Grouped by last character so a word is only compared with suffixes that can match.
const BY_LAST_CHAR = new Map<string, string[]>();
for (const suffix of [...new Set([...ENDINGS, ...PARTICLES])].sort((a, b) => b.length - a.length)) {
  const last = suffix.charAt(suffix.length - 1);
  const list = BY_LAST_CHAR.get(last);
  if (list) list.push(suffix);
  else BY_LAST_CHAR.set(last, [suffix]);
}

/** The word without one trailing particle/ending, keeping at least one syllable. */
export function stemKorean(word: string): string {
  const candidates = BY_LAST_CHAR.get(word.charAt(word.length - 1));
  if (!candidates) return word;
  for (const suffix of candidates) {
    if (word.length > suffix.length && word.endsWith(suffix)) return word.slice(0, word.length - suffix.length);
  }
  return word;
}
