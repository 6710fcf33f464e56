/**
 * The editor's preview renderer. `html: false` makes markdown-it escape any HTML in the body, and
 * its link validator drops javascript:/vbscript:/data: URLs, so its output is safe to inject.
 * Bare-slug links point at the public article page, as on the help center itself.
 */
import MarkdownIt from "markdown-it";

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
const baseLinkOpen = markdown.renderer.rules.link_open;
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const href = token?.attrGet("href");
  if (token && typeof href === "string" && SLUG_PATTERN.test(href)) token.attrSet("href", `/help/articles/${href}`);
  // The preview sits inside the editor: links open elsewhere instead of leaving unsaved work.
  if (token) {
    token.attrSet("target", "_blank");
    token.attrSet("rel", "noopener noreferrer");
  }
  return baseLinkOpen ? baseLinkOpen(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
};

export function renderPreview(body: string): string {
  return markdown.render(body);
}
