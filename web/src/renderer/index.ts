/**
 * The one renderer of bot answers, shared by the admin preview, the bot test panel and the web chat.
 * Depends on React and plain CSS only.
 */
export type { ActionHandler, RenderedAction } from "./actions.js";
export { BotMessage, type BotMessageProps, ChatRoom, OutputView, QuickReplies, UserMessage } from "./BotOutputs.js";
export { DEFAULT_LABELS, type RendererLabels } from "./labels.js";
export { safeHttpUrl, safePhone } from "./safe-url.js";
