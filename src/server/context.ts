import type { Config } from "../config/config.js";
import type { HelpService } from "../help/help-service.js";
import type { ConversationService } from "../runtime/conversation-service.js";
import type { Store } from "../store/store.js";
import type { LoginLimiter } from "./login-limiter.js";

/** What every route module gets: the store, the config and shared process-wide helpers. */
export interface ServerContext {
  store: Store;
  config: Config;
  loginLimiter: LoginLimiter;
  conversations: ConversationService;
  help: HelpService;
}
