import { ENGINE_VERSION } from "../version.js";
import { commands } from "./commands/index.js";
import { type CliIO, type Command, UsageError } from "./io.js";
import { NO_CACHE } from "./start-cache.js";

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `tarazy ${ENGINE_VERSION}: rate public administrations from versioned rule files

Usage: tarazy COMMAND [options]     (tarazy COMMAND --help for a command's options)

Parsed rule files are kept in ~/.cache/tarazy (or $XDG_CACHE_HOME/tarazy, or $TARAZY_CACHE_DIR) so that
the next run does not read their YAML again; --no-cache (or TARAZY_CACHE=off) runs without it.

Commands:
${lines.join("\n")}
`;
}

/** Runs the CLI in process; returns the exit code. Never lets an exception reach the user as a stack trace. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  // --no-cache is for every command, and read at start (start-cache.ts): the commands never see it.
  const [name, ...rest] = argv.filter((a) => a !== NO_CACHE);
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(help());
    return 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${ENGINE_VERSION}\n`);
    return 0;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`tarazy: unknown command '${name}'\n\n${help()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`tarazy ${command.name}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    // A bug of ours, not the user's: say so plainly, with the details for a bug report.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(
      `tarazy ${command.name}: internal error. This is a bug in Tarazy, not in your files; please report it with the text below.\n${detail}\n`,
    );
    return 3;
  }
}
