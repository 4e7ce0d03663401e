/**
 * Which value fills each cell of the data: for every field and year a block of 17 slots per unit (12 months,
 * 4 quarters, the year) holding the index of the value plus one (0: no value). The readers' merger detects
 * repeats and overlaps through it, and the data store reads the same blocks, so a cell is placed once and
 * its value kept in one place (the ObservationTable's value column, or DataStoreBuilder's own list).
 *
 * A cumulative field's quarter or year value is the running total at its last month, so it fills that month's
 * slot; other fields' quarters and years have slots of their own.
 */
export const SLOTS = 17;
export const QUARTER_SLOT = 12;
export const YEAR_SLOT = 16;

/** Values are kept in chunks of 2^16 (the ObservationTable's columns, DataStoreBuilder's list). */
export const VALUE_CHUNK_BITS = 16;

/** Period kinds in code order (see store.ts, periodCode: the code modulo 3). */
const MONTHS_OF_KIND = [1, 3, 12];

/**
 * The slot of a period code for a field: `monthInYear` is the period's first month counted from 0. A
 * cumulative field's quarter or year goes to its last month.
 */
export function slotOfCode(kind: number, monthInYear: number, cumulative: boolean): number {
  if (kind === 0 || cumulative) return monthInYear + (MONTHS_OF_KIND[kind] as number) - 1;
  return kind === 1 ? QUARTER_SLOT + monthInYear / 3 : YEAR_SLOT;
}

export class CellSlots {
  /** By field * 10000 + year: SLOTS slots for `width` units. */
  readonly blocks = new Map<number, Int32Array>();
  private widthOf: number;
  /** The block read last for each field, and its year: a file runs through one year at a time. */
  private readonly lastBlock: (Int32Array | undefined)[] = [];
  private readonly lastYear: number[] = [];

  /** `units`: how many units there may be (the blocks are made that wide at once, and widened if need be). */
  constructor(units: number) {
    this.widthOf = Math.max(1, units);
  }

  get width(): number {
    return this.widthOf;
  }

  /** The block of a field and year, made at the first use; `unit` is the highest unit index about to be used. */
  block(field: number, year: number, unit: number): Int32Array {
    if (unit >= this.widthOf) this.grow(unit + 1);
    const last = this.lastBlock[field];
    if (last !== undefined && this.lastYear[field] === year) return last;
    const key = field * 10000 + year;
    let block = this.blocks.get(key);
    if (!block) {
      block = new Int32Array(this.widthOf * SLOTS);
      this.blocks.set(key, block);
    }
    this.lastBlock[field] = block;
    this.lastYear[field] = year;
    return block;
  }

  /** The block of a field and year if it was made. */
  existing(field: number, year: number): Int32Array | undefined {
    return this.blocks.get(field * 10000 + year);
  }

  /** More units than the blocks hold: every block is copied into a wider one (units keep their places). */
  private grow(units: number): void {
    this.widthOf = Math.max(units, this.widthOf * 2);
    for (const [key, block] of this.blocks) {
      const wider = new Int32Array(this.widthOf * SLOTS);
      wider.set(block);
      this.blocks.set(key, wider);
    }
    this.lastBlock.length = 0;
  }
}
