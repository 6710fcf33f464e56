/** Structured JSON logs (pino). Secrets never reach the log: credentials and passwords are redacted. */
import { type Logger, pino } from "pino";

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: "botcenter" },
      redact: {
        paths: [
          "req.headers.authorization",
          "req.headers.cookie",
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
          "*.password",
          "*.newPassword",
          "*.currentPassword",
          "*.token",
        ],
        censor: "[redacted]",
      },
    },
    destination ?? process.stdout,
  );
}
