import type { Command } from "../io.js";

// Placeholder until the formula evaluator lands (issue 2); replaced by the real command.
export const evalCommand: Command = {
  name: "eval",
  summary: "check and evaluate one formula: tarazy eval FORMULA [--set NAME=VALUE ...]",
  usage: "Usage: tarazy eval FORMULA [--set NAME=VALUE ...]\n",
  async run(_args, io) {
    io.stderr("tarazy eval: not built yet\n");
    return 2;
  },
};
