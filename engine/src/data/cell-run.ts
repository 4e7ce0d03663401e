import type { DataField } from "./readers/model.js";

/**
 * The plain numeric cells of one row, written by a reader straight into typed arrays and handed over at once:
 * a double passed to a function is boxed on the heap (16 bytes a cell, most of a national read's garbage), and
 * a call per cell through merger and table was most of its time. Per cell: the field (object and index in the
 * table), the value, and where the cell is in its text; `kept` is the merger's list of the cells it keeps.
 */
export class CellRun {
  count = 0;
  readonly fields: DataField[] = [];
  readonly field: Int32Array;
  readonly values: Float64Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly kept: Int32Array;

  /** `width`: the most cells a row can have. */
  constructor(width: number) {
    this.field = new Int32Array(width);
    this.values = new Float64Array(width);
    this.starts = new Int32Array(width);
    this.ends = new Int32Array(width);
    this.kept = new Int32Array(width);
  }
}
