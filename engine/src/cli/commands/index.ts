import type { Command } from "../io.js";
import { dataCommand } from "./data.js";
import { evalCommand } from "./eval.js";

/** Every `tarazy` command, in the order `tarazy --help` lists them. */
export const commands: readonly Command[] = [evalCommand, dataCommand];
