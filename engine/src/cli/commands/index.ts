import type { Command } from "../io.js";
import { auditCommand } from "./audit.js";
import { dataCommand } from "./data.js";
import { diffCommand } from "./diff.js";
import { docsCommand } from "./docs.js";
import { evalCommand } from "./eval.js";
import { explainCommand } from "./explain.js";
import { rateCommand } from "./rate.js";
import { sensitivityCommand } from "./sensitivity.js";
import { testCommand } from "./test.js";
import { validateCommand } from "./validate.js";

/** Every `tarazy` command, in the order `tarazy --help` lists them. */
export const commands: readonly Command[] = [
  evalCommand,
  dataCommand,
  validateCommand,
  diffCommand,
  docsCommand,
  rateCommand,
  explainCommand,
  auditCommand,
  sensitivityCommand,
  testCommand,
];
