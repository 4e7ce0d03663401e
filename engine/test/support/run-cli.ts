import type { CliIO } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run.js";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `tarazy ARGS` in process from `cwd` (so paths in the output are stable) and captures its output. */
export async function runInProcess(args: readonly string[], cwd: string): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd,
    isTTY: false,
    env: {},
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
