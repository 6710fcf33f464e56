/** The web chat's addresses for a channel: the page, the one-line embed and the operator console. */

export function chatPageUrl(origin: string, channelId: string): string {
  return `${origin}/chat/${encodeURIComponent(channelId)}`;
}

/** The `<script>` tag a site pastes once to get the floating chat button. */
export function embedSnippet(origin: string, channelId: string): string {
  return `<script src="${origin}/chat/embed.js" data-channel="${escapeAttribute(channelId)}"></script>`;
}

export function operatorConsolePath(channelId: string): string {
  return `/chat/operator/${encodeURIComponent(channelId)}`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
