/** What a command may touch of the outside world; tests pass their own to run commands in process. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  /**
   * Resolves when what was written to stdout has been taken (at once when nothing waits). A command that
   * writes a lot waits for it between pieces: into a pipe, what the reader has not read yet is kept in memory.
   */
  readonly stdoutDrained?: () => Promise<void>;
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

let pipeWatched = false;

/**
 * A reader that stops early (`tarazy rate ... | head`) closes the pipe: the rest is not wanted, so the command
 * ends quietly with exit code 0, as `cat` does, not with Node's stack trace of the failed write.
 */
function endQuietlyOnClosedPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  for (const stream of [process.stdout, process.stderr])
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE") throw e;
      process.exit(0);
    });
}

export function processIO(): CliIO {
  endQuietlyOnClosedPipe();
  let waiting = false;
  return {
    stdout: (t) => {
      // write is false when the stream holds more than it should (a pipe whose reader is behind).
      if (!process.stdout.write(t)) waiting = true;
    },
    stdoutDrained: async () => {
      if (!waiting) return;
      await drained(process.stdout);
      waiting = false;
    },
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  };
}

/** Resolves at the stream's 'drain', or at its 'close' (a reader gone: nothing will drain it). */
function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}
