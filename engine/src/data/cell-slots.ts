/**
 * The values of the data, each kept once, where the data store reads them: for every field and year a block
 * of 17 slots per unit (12 months, 4 quarters, the year) holding the index of the observation that filled
 * the cell plus one (0: no value), and beside it a block of the values (NaN for n/a). The readers' merger
 * detects repeats and overlaps through the index blocks and writes each value here (the ObservationTable
 * keeps provenance only), and the data store reads the same blocks: a unit's months of a year side by side.
 *
 * A cumulative field's quarter or year value is the running total at its last month, so it fills that month's
 * slot; other fields' quarters and years have slots of their own.
 */
export const SLOTS = 17;
export const QUARTER_SLOT = 12;
export const YEAR_SLOT = 16;

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
  /** By field * 10000 + year: SLOTS slots for `width` units, of indexes plus one and of values. */
  private readonly blocks = new Map<number, Int32Array>();
  private readonly valueBlocks = new Map<number, Float64Array>();
  private widthOf: number;
  /** The blocks read last for each field, and their year: a file runs through one year at a time. */
  private readonly lastBlock: (Int32Array | undefined)[] = [];
  private readonly lastValues: (Float64Array | undefined)[] = [];
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
    let values = this.valueBlocks.get(key);
    if (!block || !values) {
      block = new Int32Array(this.widthOf * SLOTS);
      values = new Float64Array(this.widthOf * SLOTS);
      this.blocks.set(key, block);
      this.valueBlocks.set(key, values);
    }
    this.lastBlock[field] = block;
    this.lastValues[field] = values;
    this.lastYear[field] = year;
    return block;
  }

  /** The value block beside the block `block` returned last for the field. */
  values(field: number): Float64Array {
    return this.lastValues[field] as Float64Array;
  }

  /** The index block of a field and year if it was made. */
  existing(field: number, year: number): Int32Array | undefined {
    return this.blocks.get(field * 10000 + year);
  }

  /** The value block of a field and year if it was made. */
  existingValues(field: number, year: number): Float64Array | undefined {
    return this.valueBlocks.get(field * 10000 + year);
  }

  /** The value in slot `slot` of unit `unit` (NaN when none or n/a). */
  valueAt(field: number, year: number, unit: number, slot: number): number {
    return this.valueBlocks.get(field * 10000 + year)?.[unit * SLOTS + slot] ?? Number.NaN;
  }

  /** More units than the blocks hold: every block is copied into a wider one (units keep their places). */
  private grow(units: number): void {
    this.widthOf = Math.max(units, this.widthOf * 2);
    for (const [key, block] of this.blocks) {
      const wider = new Int32Array(this.widthOf * SLOTS);
      wider.set(block);
      this.blocks.set(key, wider);
    }
    for (const [key, values] of this.valueBlocks) {
      const wider = new Float64Array(this.widthOf * SLOTS);
      wider.set(values);
      this.valueBlocks.set(key, wider);
    }
    this.lastBlock.length = 0;
    this.lastValues.length = 0;
  }
}
