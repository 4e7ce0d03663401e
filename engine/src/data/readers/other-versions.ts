import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { DataCode } from "../codes.js";
import type { CellAt } from "./cell.js";
import type { DataField } from "./model.js";
import { NameIndex } from "./names.js";

/**
 * What a reader needs to know of the other versions of the ruleset family the data is read for. A family's
 * sample data (or a ministry's yearly export) holds the fields of every version: a field dropped or added
 * between versions is not a mistake in the file, so its values are set aside and reported (D128), not
 * rejected. A field that no version declares stays an error (D122).
 */
export interface FamilyFields {
  /** The version the data is read for, as messages name it ("2026.1"). */
  readonly version: string;
  /** The family's other versions and their fields; fields the version read for also declares are ignored. */
  readonly others: readonly { readonly version: string; readonly fields: readonly Pick<DataField, "id" | "name">[] }[];
}

/** A field only other versions declare: its id, every name it has there, and those versions in order. */
export interface OtherVersionField {
  readonly id: string;
  readonly names: readonly string[];
  readonly versions: readonly string[];
}

/** Values of one field of other versions set aside in one file. */
export interface SetAsideValues {
  readonly file: string;
  readonly field: string;
  /** The versions that declare the field. */
  readonly versions: readonly string[];
  /** Non-empty cells of the field in the file. */
  readonly values: number;
}

/** The fields of other versions that `declared` (the version read for) lacks, found by id or name. */
export class OtherVersionFields {
  private readonly index: NameIndex<OtherVersionField>;

  constructor(
    readonly family: FamilyFields,
    declared: readonly Pick<DataField, "id">[],
  ) {
    const own = new Set(declared.map((f) => f.id));
    const byId = new Map<string, { names: string[]; versions: string[] }>();
    for (const other of family.others) {
      for (const field of other.fields) {
        if (own.has(field.id)) continue;
        const entry = byId.get(field.id) ?? { names: [], versions: [] };
        entry.names.push(field.name.kk, field.name.ru ?? "", field.name.en ?? "");
        if (!entry.versions.includes(other.version)) entry.versions.push(other.version);
        byId.set(field.id, entry);
      }
    }
    const fields = [...byId].map(([id, e]) => ({ id, names: e.names, versions: e.versions }));
    this.index = new NameIndex(fields, (f) => f.names);
  }

  /** The other version's field that `text` names without doubt, if any. */
  lookup(text: string): OtherVersionField | undefined {
    const match = this.index.lookup(text);
    return match.kind === "found" ? match.item : undefined;
  }

  /** The did-you-mean of a name no version knows, when it is close to a field of other versions. */
  closest(text: string): { suggestion: string; versions: readonly string[] } | undefined {
    const match = this.index.lookup(text);
    if (match.kind !== "unknown" || !match.suggestion) return undefined;
    const id = /`([^`]+)`/.exec(match.suggestion)?.[1];
    const field = id === undefined ? undefined : this.lookup(id);
    return { suggestion: match.suggestion, versions: field?.versions ?? [] };
  }

  /** A tally for one file. */
  tally(file: string): SetAsideTally {
    return new SetAsideTally(file, this.family.version);
  }
}

/** Counts the set-aside values of one file; one info diagnostic per field, at its first cell. */
export class SetAsideTally {
  private readonly byField = new Map<string, { field: OtherVersionField; values: number; at: CellAt }>();

  constructor(
    readonly file: string,
    private readonly version: string,
  ) {}

  /** One non-empty value of `field`, at `at` (the field's header cell or the row's field cell). */
  add(field: OtherVersionField, at: CellAt): void {
    const entry = this.byField.get(field.id);
    if (entry) entry.values++;
    else this.byField.set(field.id, { field, values: 1, at });
  }

  get values(): SetAsideValues[] {
    return [...this.byField.values()].map(({ field, values }) => ({
      file: this.file,
      field: field.id,
      versions: field.versions,
      values,
    }));
  }

  diagnostics(): Diagnostic[] {
    return [...this.byField.values()].map(({ field, values, at }) => {
      const belongs = field.versions.join(", ");
      const count = values === 1 ? "its 1 value in this file is" : `its ${values} values in this file are`;
      const message = `field ${field.id} is not part of version ${this.version} (it belongs to ${belongs}): ${count} not used`;
      return {
        code: DataCode.D128,
        severity: "info",
        message: at.label ? `${at.label}: ${message}` : message,
        file: this.file,
        range: at.range,
        suggestion: `nothing to do if they are meant for version ${belongs}, which reads them (tarazy data check --version ${field.versions.at(-1) ?? belongs} checks them); if they are meant for ${this.version}, declare the field in its fields.yaml`,
      };
    });
  }
}
