/**
 * The server words validation details in English; the common ones are shown in the UI language
 * (the rest stay as sent, with their path).
 */
import type { TFunction } from "i18next";

const PATTERNS: ReadonlyArray<[RegExp, string, (m: RegExpExecArray) => Record<string, string>]> = [
  [/^must not be empty$/, "details.empty", () => ({})],
  [/^at most (\d+) characters(?:, got (\d+))?$/, "details.maxChars", (m) => ({ max: m[1] ?? "", n: m[2] ?? "" })],
  [/^at most (\d+)(?: \([^)]*\))?, got (\d+)$/, "details.maxItems", (m) => ({ max: m[1] ?? "", n: m[2] ?? "" })],
  [/^at least (\d+)(?: \([^)]*\))?, got (\d+)$/, "details.minItems", (m) => ({ min: m[1] ?? "", n: m[2] ?? "" })],
  [/^required when action is "(\w+)"$/, "details.actionField", () => ({})],
  [/^must be 1-64 characters of/, "details.idFormat", () => ({})],
  [/^a required parameter needs at least one re-prompt question$/, "details.needsPrompt", () => ({})],
  [/^a block that uses skill data answers with the skill's template/, "details.skillDataOutputs", () => ({})],
  [/^uses skill data but names no skill/, "details.skillDataNoSkill", () => ({})],
  [/^callbacks need useSkillData/, "details.callbackNeedsSkillData", () => ({})],
  [/^the exit block needs at least one phrase/, "details.exitPhrase", () => ({})],
  [/^unknown block "([^"]*)"/, "details.unknownBlock", (m) => ({ id: m[1] ?? "" })],
  [/^unknown skill "([^"]*)"/, "details.unknownSkill", (m) => ({ id: m[1] ?? "" })],
  [/^duplicate /, "details.duplicate", () => ({})],
];

export function localizeDetail(message: string, t: TFunction): string {
  for (const [pattern, key, values] of PATTERNS) {
    const m = pattern.exec(message);
    if (m) return t(key, values(m));
  }
  return message;
}
