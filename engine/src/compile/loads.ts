/**
 * Which inputs generated code has already read into a local, so an input used twice (`target` in
 * `abs(x - target) / target`) is read once. A read may be reused only where it has certainly run: the
 * generated code nests blocks, and a read inside a block that has closed has run only if that block ran.
 * The blocks that matter are the "present" branches (`if (typeof a === "object") r = a; else { ... }`):
 * once `r` is known to be present, that branch ran, so the reads inside it did. Nothing is ever read
 * earlier than the formula reads it, so an explanation's list of inputs read stays the same.
 */
interface Block {
  readonly id: number;
  /** For a present branch: the operand it runs for, when present. */
  readonly operand?: string;
}

interface Read {
  readonly temp: string;
  /** The blocks open when the read ran, outermost first. */
  readonly blocks: readonly Block[];
}

export class Loads {
  private readonly open: Block[] = [{ id: 0 }];
  private readonly reads = new Map<string, Read[]>();
  /** result -> operands: `result` present means each of these was present (their present branch ran). */
  private readonly implied = new Map<string, string[]>();
  private nextId = 1;

  enter(operand?: string): void {
    this.open.push(operand === undefined ? { id: this.nextId++ } : { id: this.nextId++, operand });
  }

  leave(): void {
    this.open.pop();
  }

  /** Records, after a present branch, that `result` present means `operand` was. */
  imply(result: string, operand: string): void {
    const list = this.implied.get(result);
    if (list) list.push(operand);
    else this.implied.set(result, [operand]);
  }

  /** The local holding `key` here, if a read of it has certainly run, and whether it is known present. */
  find(key: string): { readonly temp: string; readonly present: boolean } | undefined {
    const reads = this.reads.get(key);
    if (!reads) return undefined;
    const openIds = new Set(this.open.map((b) => b.id));
    const known = this.knownPresent();
    const ran = (read: Read) =>
      read.blocks.every((b) => openIds.has(b.id) || (b.operand !== undefined && known.has(b.operand)));
    const temp = reads.find(ran)?.temp;
    return temp === undefined ? undefined : { temp, present: known.has(temp) };
  }

  remember(key: string, temp: string): void {
    const read = { temp, blocks: [...this.open] };
    const reads = this.reads.get(key);
    if (reads) reads.push(read);
    else this.reads.set(key, [read]);
  }

  /** The operands known present here: those of the open present branches, and what they imply. */
  private knownPresent(): Set<string> {
    const known = new Set<string>();
    const pending = this.open.flatMap((b) => (b.operand === undefined ? [] : [b.operand]));
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
      if (known.has(name)) continue;
      known.add(name);
      pending.push(...(this.implied.get(name) ?? []));
    }
    return known;
  }
}
