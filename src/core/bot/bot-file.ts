/**
 * Reading and writing bot files (YAML or JSON). Both are parsed with the YAML parser (JSON is a
 * subset of YAML 1.2) so every error can point at a line and column in the source file.
 */
import { isNode, LineCounter, parseDocument, stringify } from "yaml";
import type { BotFile } from "./schema.js";
import { type BotIssue, type KeyedBotIssue, validateBot } from "./validate.js";

export type BotFileFormat = "yaml" | "json";

export type ParseBotFileResult = { ok: true; bot: BotFile } | { ok: false; errors: BotIssue[] };

/** Guesses the format from a file name, defaulting to YAML (which also reads JSON). */
export function formatFromFileName(fileName: string): BotFileFormat {
  return /\.json$/i.test(fileName) ? "json" : "yaml";
}

export function parseBotFile(text: string): ParseBotFileResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { path: "", message: e.message.split("\n")[0] ?? e.message, line: pos.line, column: pos.col };
      }),
    };
  }
  const data: unknown = doc.toJS();
  const result = validateBot(data);
  if (result.ok) return result;
  return { ok: false, errors: result.errors.map((issue) => locate(issue, doc, lineCounter)) };
}

type YamlDocument = ReturnType<typeof parseDocument>;

/** Finds the deepest node that exists on the issue's path and reports its position. */
function locate(issue: KeyedBotIssue, doc: YamlDocument, lineCounter: LineCounter): BotIssue {
  const out: BotIssue = { path: issue.path, message: issue.message };
  for (let depth = issue.keys.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(issue.keys.slice(0, depth), true);
    if (isNode(node) && node.range) {
      const pos = lineCounter.linePos(node.range[0]);
      out.line = pos.line;
      out.column = pos.col;
      break;
    }
  }
  return out;
}

/** Serializes a validated bot. Key order follows the schema, so export → import → export is stable. */
export function serializeBotFile(bot: BotFile, format: BotFileFormat): string {
  if (format === "json") return `${JSON.stringify(bot, null, 2)}\n`;
  return stringify(bot, { lineWidth: 0, aliasDuplicateObjects: false });
}

export function formatIssue(issue: BotIssue): string {
  const where = issue.line ? `line ${issue.line}${issue.column ? `:${issue.column}` : ""}` : "";
  const path = issue.path || "(document)";
  return where ? `${path} (${where}): ${issue.message}` : `${path}: ${issue.message}`;
}
