// Property tests draw from one seed per run, so that `npm test` (and CI) gives the same verdict on the same
// code: a property that fails does so every time, with the seed and path to replay it. FC_SEED picks another
// seed (a number) or a fresh one each run (`FC_SEED=random npm test`), to explore beyond the fixed draws.
import fc from "fast-check";

const chosen = process.env.FC_SEED;
const seed = chosen === "random" ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(chosen ?? 20261203);
if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not ${chosen}`);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
