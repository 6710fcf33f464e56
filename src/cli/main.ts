/**
 * The `botcenter` command. Each subcommand lives in commands/; errors become a message on stderr
 * and an exit code from EXIT (0 ok, 1 failed, 2 usage, 3 configuration/database).
 */
import { Command, CommanderError } from "commander";
import { registerBotCommands } from "./commands/bots.js";
import { registerMigrate } from "./commands/migrate.js";
import { registerNluEval } from "./commands/nlu-eval.js";
import { registerSkill } from "./commands/skill.js";
import { registerStart } from "./commands/start.js";
import { registerTest } from "./commands/test.js";
import { registerUsers } from "./commands/users.js";
import { describeError, EXIT } from "./shared.js";

export function buildProgram(): Command {
  const program = new Command("botcenter")
    .description("self-hosted chatbot admin center and runtime (Kakao skill protocol 2.0 compatible)")
    .version("0.1.0")
    .showHelpAfterError()
    .exitOverride();
  registerStart(program);
  registerMigrate(program);
  registerBotCommands(program);
  registerUsers(program);
  registerTest(program);
  registerNluEval(program);
  registerSkill(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version arrive here with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const { message, exitCode } = describeError(error);
    process.stderr.write(`botcenter: ${message}\n`);
    return exitCode;
  }
}

const exitCode = await main(process.argv);
// `start` keeps running (the server holds the event loop); everything else ends here.
if (exitCode !== EXIT.ok || !process.argv.includes("start")) process.exitCode = exitCode;
