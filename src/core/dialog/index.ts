/** The conversation engine: compile a bot once, then run turns against it. */
export { type CompiledBot, compileBot, isExitPhrase } from "./compile.js";
export { aliveContexts } from "./contexts.js";
export { DEFAULT_CALLBACK_WAITING_TEXT, initialState, renderCallbackResponse, runTurn } from "./run-turn.js";
export {
  answerText,
  clickInput,
  formatStoryReport,
  parseStoryFile,
  runStories,
  type StoryFailure,
  type StoryOptions,
  type StoryReport,
  type StoryResult,
  type StoryTurnReport,
  storyFileSchema,
} from "./stories.js";
export { renderText, type TemplateScope } from "./template.js";
export type * from "./types.js";
