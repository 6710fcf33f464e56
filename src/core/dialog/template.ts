/**
 * Value references in answer text (rules in docs/conversation-engine.md, "Templates"):
 * - `$name`             a parameter of the running block (its readable value)
 * - `#ctx.key`          a param of an alive context; `#current.path` the current request
 * - `#webhook.path`     the running skill's `data`
 * - `{{$name}}`, `{{#ctx.key}}`, `{{#webhook.a.b}}`, `{{#current.event.data.key}}`  the same, with
 *                       explicit ends (needed when Korean text follows a name directly)
 * - `\$`, `\#`, `\{{`, `\\` print the character(s) literally.
 * A bare `$x` / `#x.y` is a reference only when it names a declared parameter / known context, so
 * "$5,000" or "#1" stay as typed. A reference whose value is missing renders as "".
 */
import type { z } from "zod";
import type { ParamValue } from "./types.js";

export interface TemplateScope {
  params: Readonly<Record<string, ParamValue>>;
  /** Parameter names that bare `$name` may refer to (declared on the block). */
  paramNames: readonly string[];
  /** Params of alive contexts by context name. */
  contexts: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Context names and keys declared anywhere in the bot (so `#ctx.key` of a dead context renders ""). */
  declaredContexts: ReadonlyMap<string, ReadonlySet<string>>;
  webhook?: Readonly<Record<string, unknown>>;
  current: Readonly<Record<string, unknown>>;
}

const ASCII_PATH = /^[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*/;

export function renderText(text: string, scope: TemplateScope): string {
  if (!/[$#\\{]/.test(text)) return text;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "\\") {
      const rest = text.slice(i + 1);
      if (rest.startsWith("{{")) {
        // An escaped expression is printed whole, without resolving anything inside it.
        const close = text.indexOf("}}", i + 3);
        const end = close > 0 ? close + 2 : i + 3;
        out += text.slice(i + 1, end);
        i = end;
        continue;
      }
      const next = rest[0];
      if (next === "$" || next === "#" || next === "\\") {
        out += next;
        i += 2;
        continue;
      }
      out += ch;
      i += 1;
      continue;
    }
    if (ch === "{" && text.startsWith("{{", i)) {
      const close = text.indexOf("}}", i + 2);
      if (close > 0) {
        const value = resolveBraced(text.slice(i + 2, close).trim(), scope);
        if (value !== undefined) {
          out += value;
          i = close + 2;
          continue;
        }
      }
      out += ch;
      i += 1;
      continue;
    }
    if (ch === "$") {
      const name = longestPrefix(text, i + 1, scope.paramNames);
      if (name) {
        out += scope.params[name]?.display ?? "";
        i += 1 + name.length;
        continue;
      }
    }
    if (ch === "#") {
      const ref = resolveBareHash(text, i + 1, scope);
      if (ref) {
        out += ref.value;
        i += 1 + ref.length;
        continue;
      }
    }
    out += ch;
    i += 1;
  }
  return out;
}

/** Value of a `{{...}}` expression; undefined when it is not one of ours (left as typed). */
function resolveBraced(expr: string, scope: TemplateScope): string | undefined {
  if (expr.startsWith("$")) {
    const name = expr.slice(1);
    if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) return undefined;
    return scope.params[name]?.display ?? "";
  }
  if (!expr.startsWith("#")) return undefined;
  const path = expr.slice(1);
  const dot = path.indexOf(".");
  if (dot <= 0) return undefined;
  const head = path.slice(0, dot);
  const tail = path.slice(dot + 1);
  if (head === "webhook") return stringify(lookup(scope.webhook, tail.split(".")));
  if (head === "current") return stringify(lookup(scope.current, tail.split(".")));
  // Context names may contain dots: prefer the longest known context name.
  const names = knownContextNames(scope);
  const ctx = longestPrefix(path, 0, names, ".");
  if (ctx) return scope.contexts[ctx]?.[path.slice(ctx.length + 1)] ?? "";
  return undefined;
}

function resolveBareHash(text: string, start: number, scope: TemplateScope): { value: string; length: number } | null {
  const heads: ReadonlyArray<"webhook" | "current"> = ["webhook", "current"];
  for (const head of heads) {
    if (!text.startsWith(`${head}.`, start)) continue;
    const m = ASCII_PATH.exec(text.slice(start + head.length + 1));
    if (!m) return null;
    const source = head === "webhook" ? scope.webhook : scope.current;
    return { value: stringify(lookup(source, m[0].split("."))), length: head.length + 1 + m[0].length };
  }
  const ctx = longestPrefix(text, start, knownContextNames(scope), ".");
  if (!ctx) return null;
  const keyStart = start + ctx.length + 1;
  const keys = new Set([...(scope.declaredContexts.get(ctx) ?? []), ...Object.keys(scope.contexts[ctx] ?? {})]);
  let key = longestPrefix(text, keyStart, [...keys]);
  if (!key) key = /^[A-Za-z0-9_]+/.exec(text.slice(keyStart))?.[0] ?? null;
  if (!key) return null;
  return { value: scope.contexts[ctx]?.[key] ?? "", length: ctx.length + 1 + key.length };
}

function knownContextNames(scope: TemplateScope): string[] {
  return [...new Set([...scope.declaredContexts.keys(), ...Object.keys(scope.contexts)])];
}

/** The longest candidate found at text[start] (followed by `after`, when given). */
function longestPrefix(text: string, start: number, candidates: readonly string[], after?: string): string | null {
  let best: string | null = null;
  for (const c of candidates) {
    if (c.length === 0 || (best && c.length <= best.length)) continue;
    if (!text.startsWith(c, start)) continue;
    if (after !== undefined && !text.startsWith(after, start + c.length)) continue;
    best = c;
  }
  return best;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function lookup(root: unknown, path: readonly string[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (!isRecord(node)) return undefined;
    node = node[key];
  }
  return node;
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value);
}

/** Fields that hold identifiers or enums, never text shown to the user. */
const NON_TEXT_KEYS = new Set(["action", "blockId", "type", "buttonLayout", "itemListAlignment", "currency", "extra"]);

/**
 * Renders every user-visible string field of a component tree (titles, texts, labels, URLs...) and
 * parses the result back through `schema`, so the caller gets its type without a cast.
 */
export function renderDeep<S extends z.ZodType>(schema: S, node: z.input<S>, scope: TemplateScope): z.output<S> {
  return schema.parse(renderNode(node, scope));
}

function renderNode(node: unknown, scope: TemplateScope): unknown {
  if (typeof node === "string") return renderText(node, scope);
  if (Array.isArray(node)) return node.map((child) => renderNode(child, scope));
  if (isRecord(node)) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      out[key] = NON_TEXT_KEYS.has(key) ? child : renderNode(child, scope);
    }
    return out;
  }
  return node;
}
