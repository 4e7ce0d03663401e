import { describe, expect, it } from "vitest";
import { runInProcess } from "../support/run-cli.js";

const tarazy = (...args: string[]) => runInProcess(["eval", ...args], "/");

describe("tarazy eval", () => {
  it("prints 4262.4 of a 4736 plan as reaching 90%", async () => {
    expect(await tarazy("fact / plan * 100 >= 90", "--set", "fact=4262.4", "--set", "plan=4736")).toEqual({
      code: 0,
      stdout: "true\n",
      stderr: "",
    });
  });

  it("prints numbers at 15 significant digits, as Excel shows them: no binary noise", async () => {
    expect((await tarazy("0.1 + 0.2")).stdout).toBe("0.3\n");
    expect((await tarazy("fact / plan * 100", "--set=fact=4262.4", "--set=plan=4736")).stdout).toBe("90\n");
    expect((await tarazy("2 / 3")).stdout).toBe("0.666666666666667\n");
    expect((await tarazy("0.8 * 0.8")).stdout).toBe("0.64\n"); // 0.6400000000000001 as a double
    expect((await tarazy("round(1.005, 2)")).stdout).toBe("1.01\n");
    expect((await tarazy("1e21 * 3")).stdout).toBe("3e+21\n");
  });

  it("reads booleans, quoted texts and n/a", async () => {
    expect((await tarazy("if(is_city, 1, 2)", "--set", "is_city=true")).stdout).toBe("1\n");
    expect((await tarazy('unit.kind = "district"', "--set", 'unit.kind="district"')).stdout).toBe("true\n");
    expect((await tarazy("unit.kind", "--set", "unit.kind='city'")).stdout).toBe('"city"\n');
    expect((await tarazy("-x + 1", "--set", "x=-2.5e1")).stdout).toBe("26\n");
  });

  it("prints a missing value with its reason in words", async () => {
    expect(await tarazy("fact / plan", "--set", "fact=5", "--set", "plan=0")).toEqual({
      code: 0,
      stdout: "missing: division by zero: plan is 0 (line 1, column 8)\n",
      stderr: "",
    });
    expect((await tarazy("x * 2", "--set", "x=n/a", "--period", "2026-Q1")).stdout).toBe(
      "missing: x is not applicable (n/a) for unit in 2026-Q1\n",
    );
    expect((await tarazy("prev(x)", "--set", "x=1")).stdout).toBe(
      "missing: prev reaches 2026-02, before the data begins\n",
    );
  });

  it("shows errors with the formula and a caret, exit 1", async () => {
    const { code, stdout, stderr } = await tarazy(
      "own_revenu / plan * 100",
      "--set",
      "own_revenue=1",
      "--set",
      "plan=2",
    );
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      [
        "<formula>:1:1: error F200: unknown name `own_revenu`",
        "  1 | own_revenu / plan * 100",
        "    | ^^^^^^^^^^",
        "  = suggestion: did you mean `own_revenue`? Or give it a value with --set own_revenu=VALUE",
        "  = docs: docs/diagnostics.md#f200",
        "",
        "1 error, 0 warnings",
        "",
      ].join("\n"),
    );
  });

  it("says how to give an input that was not set", async () => {
    const { code, stderr } = await tarazy("plan * 2");
    expect(code).toBe(1);
    expect(stderr).toContain("= suggestion: give it a value with --set plan=VALUE");
  });

  it("shows syntax errors from the parser the same way", async () => {
    const { code, stderr } = await tarazy("x == 1", "--set", "x=1");
    expect(code).toBe(1);
    expect(stderr).toContain("error F120");
    expect(stderr).toContain("  1 | x == 1");
  });

  it("prints warnings and still the value", async () => {
    const { code, stdout, stderr } = await tarazy("x / 0", "--set", "x=1");
    expect(code).toBe(0);
    expect(stdout).toBe("missing: division by zero: 0 is 0 (line 1, column 5)\n");
    expect(stderr).toContain("warning F221: division by 0 always gives missing");
    expect(stderr).toContain("0 errors, 1 warning");
  });

  it.each([
    [[], "missing FORMULA"],
    [["1", "2"], "one formula at a time, in quotes: tarazy eval '1 2'"],
    [["x", "--set"], "--set needs NAME=VALUE, e.g. --set plan=4736"],
    [["x", "--set", "x"], "--set needs NAME=VALUE with a formula name, e.g. --set plan=4736, not 'x'"],
    [["x", "--set", "1x=2"], "--set needs NAME=VALUE with a formula name"],
    [["x", "--set", "x=12,5"], "--set x: write 12.5 with a decimal point, not a comma"],
    [
      ["x", "--set", "x=district"],
      `--set x: 'district' is not a number, true, false or n/a; a text goes in quotes: --set 'x="district"'`,
    ],
    [["x", "--set", "x=1e999"], "--set x: 1e999 is too large to represent"],
    [["x", "--set", "x=1", "--set", "x=2"], "--set x is given twice"],
    [["x", "--period", "March"], "--period needs a period: write a month as 2026-03"],
    [["x", "--verbose"], "unknown option '--verbose'"],
  ])("exits 2 with the usage for %j", async (args, message) => {
    const { code, stdout, stderr } = await tarazy(...args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    expect(stderr).toContain("Usage: tarazy eval FORMULA");
  });

  it("prints the usage for --help", async () => {
    const { code, stdout } = await tarazy("--help");
    expect(code).toBe(0);
    expect(stdout).toContain("--set NAME=VALUE");
  });

  it("never executes text from the formula as code", async () => {
    const { code, stdout } = await tarazy('"); process.exit(9); ("');
    expect(code).toBe(0);
    expect(stdout).toBe('"); process.exit(9); ("\n');
  });
});

describe("tarazy eval with prototype-ish names", () => {
  it("treats __proto__ and constructor as ordinary inputs", async () => {
    expect((await tarazy("__proto__ + constructor", "--set", "__proto__=2", "--set", "constructor=3")).stdout).toBe(
      "5\n",
    );
  });

  it("reports them as unknown names when not set", async () => {
    const { code, stderr } = await tarazy("constructor * 2");
    expect(code).toBe(1);
    expect(stderr).toContain("error F200: unknown name `constructor`");
  });
});
