/**
 * Full validation of a bot document: the schema (shapes and limits) plus the rules that span the
 * document (unique ids, references between blocks, skills and entities, system blocks).
 * Returns every problem at once, each with a dotted path such as `scenarios[0].blocks[2].skill`.
 */
import { isSystemEntity } from "../nlu/entities/index.js";
import { validateOutput, validateQuickReply } from "../skill/validate-response.js";
import { addMissingSystemBlocks } from "./defaults.js";
import { type BotFile, botFileSchema } from "./schema.js";

export interface BotIssue {
  path: string;
  message: string;
  /** 1-based position in the source file, when the document came from text. */
  line?: number;
  column?: number;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

type Key = string | number;
/** An issue that still knows its path as keys, so a parser can map it to a line in the source. */
export type KeyedBotIssue = BotIssue & { keys: Key[] };

function toKeys(path: ReadonlyArray<PropertyKey>): Key[] {
  return path.map((k) => (typeof k === "number" ? k : String(k)));
}

/** Validates `input` (parsed JSON/YAML) and returns the normalized bot with defaults filled in. */
export function validateBot(input: unknown): { ok: true; bot: BotFile } | { ok: false; errors: KeyedBotIssue[] } {
  const parsed = botFileSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message, keys: toKeys(i.path) })),
    };
  }
  const bot = addMissingSystemBlocks(parsed.data);
  const errors = checkReferences(bot);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, bot };
}

/** Rules that the per-field schema cannot see: uniqueness and references across the document. */
export function checkReferences(bot: BotFile): KeyedBotIssue[] {
  const errors: KeyedBotIssue[] = [];
  const add = (keys: Key[], message: string) => errors.push({ path: formatPath(keys), message, keys });

  const blockIds = new Map<string, string>();
  const blockNames = new Map<string, string>();
  const scenarioIds = new Set<string>();
  const eventNames = new Set<string>();
  const systemCounts: Record<string, number> = { welcome: 0, fallback: 0, exit: 0 };
  const skillIds = new Set<string>();
  const entityNames = new Set<string>();

  bot.skills.forEach((skill, i) => {
    if (skillIds.has(skill.id)) add(["skills", i, "id"], `duplicate skill id "${skill.id}"`);
    skillIds.add(skill.id);
  });
  bot.entities.forEach((entity, i) => {
    if (entityNames.has(entity.name)) add(["entities", i, "name"], `duplicate entity name "${entity.name}"`);
    entityNames.add(entity.name);
  });
  if (bot.settings.defaultSkill && !skillIds.has(bot.settings.defaultSkill)) {
    add(["settings", "defaultSkill"], `unknown skill "${bot.settings.defaultSkill}"`);
  }

  const defaultScenarios = bot.scenarios.filter((s) => s.default).length;
  if (defaultScenarios !== 1) add(["scenarios"], `exactly one scenario must be the default, found ${defaultScenarios}`);

  bot.scenarios.forEach((scenario, si) => {
    if (scenarioIds.has(scenario.id)) add(["scenarios", si, "id"], `duplicate scenario id "${scenario.id}"`);
    scenarioIds.add(scenario.id);
    scenario.blocks.forEach((block, bi) => {
      const at: Key[] = ["scenarios", si, "blocks", bi];
      const previous = blockIds.get(block.id);
      if (previous) add([...at, "id"], `duplicate block id "${block.id}" (also at ${previous})`);
      blockIds.set(block.id, formatPath(at));
      const sameName = blockNames.get(block.name);
      if (sameName) add([...at, "name"], `duplicate block name "${block.name}" (also at ${sameName})`);
      blockNames.set(block.name, formatPath(at));

      if (block.type === "welcome" || block.type === "fallback" || block.type === "exit") {
        systemCounts[block.type] = (systemCounts[block.type] ?? 0) + 1;
        if (!scenario.default) add([...at, "type"], `the ${block.type} block must be in the default scenario`);
      }
      if (!block.enabled && block.type !== "welcome") add([...at, "enabled"], "only the welcome block can be switched off");
      if (block.type === "event") {
        if (!block.eventName) add([...at, "eventName"], "an event block needs an eventName");
        else if (eventNames.has(block.eventName)) add([...at, "eventName"], `duplicate event name "${block.eventName}"`);
        else eventNames.add(block.eventName);
      } else if (block.eventName) {
        add([...at, "eventName"], "only event blocks have an eventName");
      }
      if (block.type === "exit" && block.utterances.length === 0) {
        add([...at, "utterances"], "the exit block needs at least one phrase, such as 취소");
      }
      if (block.skill && !skillIds.has(block.skill)) add([...at, "skill"], `unknown skill "${block.skill}"`);
      if (block.useSkillData && !block.skill && !bot.settings.defaultSkill) {
        add([...at, "useSkillData"], "uses skill data but names no skill (and the bot has no default skill)");
      }
      if (block.allowCallback && !block.useSkillData) add([...at, "allowCallback"], "callbacks need useSkillData: true");
      if (block.useSkillData && block.outputs.length > 0) {
        add([...at, "outputs"], "a block that uses skill data answers with the skill's template; remove outputs");
      }
      const paramNames = new Set<string>();
      block.parameters.forEach((param, pi) => {
        if (paramNames.has(param.name)) add([...at, "parameters", pi, "name"], `duplicate parameter "${param.name}"`);
        paramNames.add(param.name);
        if (!isSystemEntity(param.entity) && !entityNames.has(param.entity)) {
          add([...at, "parameters", pi, "entity"], `unknown entity "${param.entity}" (not a system entity or one of this bot's entities)`);
        }
        if (param.validationSkill && !skillIds.has(param.validationSkill)) {
          add([...at, "parameters", pi, "validationSkill"], `unknown skill "${param.validationSkill}"`);
        }
        if (param.required && param.prompts.length === 0) {
          add([...at, "parameters", pi, "prompts"], "a required parameter needs at least one re-prompt question");
        }
      });
    });
  });

  for (const type of ["welcome", "fallback", "exit"] as const) {
    if (systemCounts[type] !== 1) add(["scenarios"], `exactly one ${type} block is required, found ${systemCounts[type]}`);
  }

  // Every output and quick reply within the platform's limits (lengths, counts, button rules, 30 KB).
  bot.scenarios.forEach((scenario, si) => {
    scenario.blocks.forEach((block, bi) => {
      block.outputs.forEach((output, oi) => {
        for (const f of validateOutput(output, formatPath(["scenarios", si, "blocks", bi, "outputs", oi])).findings) {
          if (f.severity === "error") errors.push({ path: f.path, message: messageOf(f), keys: parsePath(f.path) });
        }
      });
      block.quickReplies.forEach((reply, qi) => {
        for (const f of validateQuickReply(reply, formatPath(["scenarios", si, "blocks", bi, "quickReplies", qi])).findings) {
          if (f.severity === "error") errors.push({ path: f.path, message: messageOf(f), keys: parsePath(f.path) });
        }
      });
    });
  });

  // Buttons, quick replies and list items that jump to a block must name an existing one.
  bot.scenarios.forEach((scenario, si) => {
    scenario.blocks.forEach((block, bi) => {
      const at: Key[] = ["scenarios", si, "blocks", bi];
      walkBlockTargets(block.outputs, [...at, "outputs"], (keys, blockId) => {
        if (!blockIds.has(blockId)) add(keys, `unknown block "${blockId}"`);
      });
      walkBlockTargets(block.quickReplies, [...at, "quickReplies"], (keys, blockId) => {
        if (!blockIds.has(blockId)) add(keys, `unknown block "${blockId}"`);
      });
    });
  });
  return errors;
}

/** A finding's message without its leading "path: " (the issue carries the path separately). */
function messageOf(f: { path: string; message: string }): string {
  return f.message.startsWith(`${f.path}: `) ? f.message.slice(f.path.length + 2) : f.message;
}

/** "a.b[2].c" → ["a", "b", 2, "c"]. */
export function parsePath(path: string): Key[] {
  const keys: Key[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) keys.push(Number(m[2]));
    else if (m[1] !== undefined) keys.push(m[1]);
  }
  return keys;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Visits every `{action: "block", blockId}` inside a response tree. */
export function walkBlockTargets(node: unknown, keys: Key[], visit: (keys: Key[], blockId: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => {
      walkBlockTargets(child, [...keys, i], visit);
    });
    return;
  }
  if (!isRecord(node)) return;
  if (node.action === "block" && typeof node.blockId === "string") visit([...keys, "blockId"], node.blockId);
  for (const [key, child] of Object.entries(node)) {
    if (typeof child === "object" && child !== null) walkBlockTargets(child, [...keys, key], visit);
  }
}
