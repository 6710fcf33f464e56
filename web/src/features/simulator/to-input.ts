/** Turns a click in a rendered answer into the test panel's next input (as the chat room would). */
import type { TestInput } from "../../api/types.js";
import type { RenderedAction } from "../../renderer/actions.js";

export type ClickOutcome = { input: TestInput; shown: string } | { unsupported: "share" | "operator" | "link" };

export function inputForAction(action: RenderedAction): ClickOutcome {
  if (action.kind === "quickReply") {
    const r = action.reply;
    if (r.action === "block") {
      return {
        input: {
          type: "action",
          source: "quickReply",
          action: "block",
          blockId: r.blockId ?? "",
          label: r.label,
          ...(r.extra ? { extra: r.extra } : {}),
        },
        shown: r.label,
      };
    }
    const text = r.messageText ?? r.label;
    return {
      input: { type: "action", source: "quickReply", action: "message", text, ...(r.extra ? { extra: r.extra } : {}) },
      shown: text,
    };
  }
  if (action.kind === "listItem") {
    const item = action.item;
    if (item.action === "block") {
      return {
        input: {
          type: "action",
          source: "list",
          action: "block",
          blockId: item.blockId ?? "",
          label: item.title,
          ...(item.extra ? { extra: item.extra } : {}),
        },
        shown: item.title,
      };
    }
    const text = item.messageText ?? item.title;
    return {
      input: { type: "action", source: "list", action: "message", text, ...(item.extra ? { extra: item.extra } : {}) },
      shown: text,
    };
  }
  const b = action.button;
  switch (b.action) {
    case "block":
      return {
        input: {
          type: "action",
          source: "card",
          action: "block",
          blockId: b.blockId ?? "",
          label: b.label,
          ...(b.extra ? { extra: b.extra } : {}),
        },
        shown: b.label,
      };
    case "message": {
      const text = b.messageText ?? b.label;
      return { input: { type: "action", source: "card", action: "message", text, ...(b.extra ? { extra: b.extra } : {}) }, shown: text };
    }
    case "share":
    case "operator":
      return { unsupported: b.action };
    default:
      return { unsupported: "link" };
  }
}
