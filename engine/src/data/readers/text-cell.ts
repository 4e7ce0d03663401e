import type { Position, Range, SourceText } from "../../source/range.js";
import type { Cell, CellAt, CellContent } from "./cell.js";
import type { CsvCell } from "./csv-parse.js";

/**
 * A CSV cell whose place is worked out when it is asked for: most cells are only read, and a range of two
 * positions per cell would be most of the reading's work and garbage. Its row and column come from the
 * record's line without a search (a quoted cell may have moved onto a later line: then it is searched).
 */
export class TextCell implements Cell {
  readonly content: CellContent;
  private place: CellAt | undefined;

  constructor(
    private readonly cell: CsvCell,
    private readonly source: SourceText,
    private readonly line: number,
  ) {
    this.content = { kind: "text", text: cell.text };
  }

  get at(): CellAt {
    this.place ??= new TextCellAt(this.source, this.source.positionFrom(this.cell.start, this.line), this.cell.end);
    return this.place;
  }
}

class TextCellAt implements CellAt {
  private whole: Range | undefined;

  constructor(
    private readonly source: SourceText,
    private readonly start: Position,
    private readonly end: number,
  ) {}

  get row(): number {
    return this.start.line;
  }

  get column(): number {
    return this.start.column;
  }

  get length(): number {
    return this.end - this.start.offset;
  }

  get range(): Range {
    this.whole ??= { start: this.start, end: this.source.position(this.end) };
    return this.whole;
  }
}
