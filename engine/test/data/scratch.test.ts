import { it } from "vitest";
import { diag, obs, readFixtures } from "./model.js";

it("scratch", async () => {
  const r = await readFixtures([process.env.F ?? "long.csv"]);
  console.log(r.observations.map(obs).join("\n"));
  console.log(r.diagnostics.map(diag).join("\n"));
  console.log(JSON.stringify(r.files));
});
