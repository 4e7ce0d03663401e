/** What a command may touch of the outside world; tests pass their own to run commands in process. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** True when standard output is a terminal (progress bars, colours). */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface Command {
  readonly name: string;
  /** One line for `tarazy --help`. */
  readonly summary: string;
  /** The full usage text for `tarazy COMMAND --help`. */
  readonly usage: string;
  /** Returns the exit code: 0 success, 1 findings (errors, failed tests), 2 bad usage or unreadable input. */
  run(args: readonly string[], io: CliIO): Promise<number>;
}

/** Thrown for bad command-line usage; main prints the message and the command's usage, exit 2. */
export class UsageError extends Error {}

export function processIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  };
}
