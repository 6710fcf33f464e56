/** What a click in a rendered answer asks the host (simulator, web chat) to do. */
import type { Button, ListItem, QuickReply } from "../../../src/core/skill/components.js";

export type RenderedAction =
  | { kind: "button"; button: Button }
  | { kind: "listItem"; item: ListItem }
  | { kind: "quickReply"; reply: QuickReply };

export type ActionHandler = (action: RenderedAction) => void;
