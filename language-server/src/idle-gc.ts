import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** How long the server is idle (no message) before it collects garbage. */
const IDLE_MS = 1000;

/**
 * A full garbage collection once the server has been idle for a second after work. Every edit leaves the
 * previous text, parse and model of the edited file behind; V8 collects them only when its heap fills, and
 * grows the heap meanwhile, so a long editing session would hold far more memory than the workspace uses.
 * Collecting while the user is not typing costs a few tens of milliseconds that nobody waits for, and lets
 * V8 give the pages back.
 */
export function collectWhenIdle(): () => void {
  const gc = exposedGc();
  if (!gc) return () => {};
  let timer: NodeJS.Timeout | undefined;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => gc(), IDLE_MS);
    timer.unref();
  };
}

/** V8's gc(), exposed at run time; undefined where the runtime refuses (then nothing is collected early). */
function exposedGc(): (() => void) | undefined {
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    return typeof gc === "function" ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
