// Public surface of the skill protocol core (pure: no I/O).
export * from "./callback.js";
export * from "./components.js";
export * from "./findings.js";
export * from "./limits.js";
export * from "./payload.js";
export * from "./payload-schema.js";
export * from "./response.js";
export {
  issuesToFindings,
  type ValidateOptions,
  type ValidationResult,
  validateOutput,
  validateQuickReply,
  validateSkillResponse,
  validateTemplate,
} from "./validate-response.js";
export * from "./validation-skill.js";
