/**
 * Start-up configuration: environment variables (and CLI flags, which win) validated by one schema.
 * A bad value stops the start with a message naming the variable. Every variable is documented in
 * the README ("Configuration").
 */
import { resolve } from "node:path";
import { z } from "zod";

const booleanFromString = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const configSchema = z.object({
  /** TCP port of the admin API, admin center and chat. */
  PORT: z.coerce.number({ error: "must be a number" }).int().min(0).max(65_535).default(3000),
  /** Interface to listen on; 127.0.0.1 keeps botcenter private to this machine. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** `sqlite:<file>` (embedded, default) or `postgres://user:pass@host:port/db`. */
  DATABASE_URL: z
    .string()
    .refine((v) => /^(sqlite:|postgres(ql)?:\/\/)/.test(v), "must start with sqlite: or postgres://")
    .optional(),
  /** Folder for the embedded database file and other local state. */
  BOTCENTER_DATA_DIR: z.string().min(1).default("./data"),
  /** URL users reach botcenter at; used in setup links, callback URLs and the web chat snippet. */
  BOTCENTER_PUBLIC_URL: z.url({ error: "must be an absolute URL such as https://bots.example.com" }).optional(),
  /** Owner account created on first start (both must be set). */
  BOTCENTER_ADMIN_EMAIL: z.email({ error: "must be an email address" }).optional(),
  BOTCENTER_ADMIN_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Session lifetime in hours. */
  BOTCENTER_SESSION_HOURS: z.coerce
    .number({ error: "must be a number" })
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  /** Mark cookies Secure (default: when the public URL is https). */
  BOTCENTER_SECURE_COOKIES: booleanFromString.optional(),
  /** Allow skill URLs on private/loopback networks (default: true with the embedded database). */
  BOTCENTER_ALLOW_PRIVATE_SKILLS: booleanFromString.optional(),
  /** When set, every skill request carries an HMAC-SHA256 signature header made with this secret. */
  BOTCENTER_SKILL_SIGNING_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /** Failed logins allowed per email+address within 15 minutes before 429. */
  BOTCENTER_LOGIN_MAX_FAILURES: z.coerce.number({ error: "must be a number" }).int().min(1).max(1000).default(10),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  dataDir: string;
  publicUrl: string;
  adminEmail?: string;
  adminPassword?: string;
  logLevel: z.infer<typeof configSchema>["LOG_LEVEL"];
  sessionHours: number;
  secureCookies: boolean;
  allowPrivateSkills: boolean;
  skillSigningSecret?: string;
  loginMaxFailures: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Builds the config from environment variables, with `overrides` (CLI flags) taking precedence. */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: Record<string, string | undefined> = {}): Config {
  // An empty variable (FOO= in a compose file or shell) means "not set", not "set to nothing".
  const merged: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== "") merged[key] = value;
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined && value !== "") merged[key] = value;
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const c = parsed.data;
  if ((c.BOTCENTER_ADMIN_EMAIL === undefined) !== (c.BOTCENTER_ADMIN_PASSWORD === undefined)) {
    throw new ConfigError(["BOTCENTER_ADMIN_EMAIL and BOTCENTER_ADMIN_PASSWORD must be set together"]);
  }
  const dataDir = resolve(c.BOTCENTER_DATA_DIR);
  const databaseUrl = c.DATABASE_URL ?? `sqlite:${resolve(dataDir, "botcenter.db")}`;
  const publicUrl = (c.BOTCENTER_PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, "");
  const embedded = databaseUrl.startsWith("sqlite:");
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl,
    dataDir,
    publicUrl,
    adminEmail: c.BOTCENTER_ADMIN_EMAIL,
    adminPassword: c.BOTCENTER_ADMIN_PASSWORD,
    logLevel: c.LOG_LEVEL,
    sessionHours: c.BOTCENTER_SESSION_HOURS,
    secureCookies: c.BOTCENTER_SECURE_COOKIES ?? publicUrl.startsWith("https:"),
    allowPrivateSkills: c.BOTCENTER_ALLOW_PRIVATE_SKILLS ?? embedded,
    skillSigningSecret: c.BOTCENTER_SKILL_SIGNING_SECRET,
    loginMaxFailures: c.BOTCENTER_LOGIN_MAX_FAILURES,
  };
}
