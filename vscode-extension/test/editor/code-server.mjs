// code-server (the real VS Code workbench served to a browser) for the end-to-end suite: installed once per
// machine into a cache folder by the recipe of the project's toolchain notes (npm; ripgrep from Debian stands in
// for the download from GitHub), started on 127.0.0.1 in its own process group, stopped by that group's id.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { homedir } from "node:os";
import { join } from "node:path";

export const CODE_SERVER_VERSION = "4.100.3";

export function cacheFolder() {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "tarazy-editor", `code-server-${CODE_SERVER_VERSION}`);
}

/** The code-server executable, installing it into the cache folder when it is not there yet (about a minute). */
export function ensureCodeServer(log) {
  const dir = cacheFolder();
  const bin = join(dir, "node_modules", ".bin", "code-server");
  if (existsSync(bin)) return bin;
  for (const tool of ["rg", "pkg-config"])
    try {
      execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
    } catch {
      throw new Error(`${tool} is missing: install the Debian packages listed in README.md ("Editor tests")`);
    }
  log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (once)`);
  const rgCache = join(dir, "tmp", "vscode-ripgrep-cache-1.15.11");
  mkdirSync(rgCache, { recursive: true });
  const rg = execFileSync("sh", ["-c", "command -v rg"]).toString().trim();
  execFileSync("tar", [
    "czf",
    join(rgCache, "ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"),
    "-C",
    join(rg, ".."),
    "rg",
  ]);
  writeFileSync(join(dir, "package.json"), '{ "name": "code-server-cache", "private": true }\n');
  execFileSync(
    "npm",
    ["install", `code-server@${CODE_SERVER_VERSION}`, "--foreground-scripts", "--no-audit", "--no-fund"],
    {
      cwd: dir,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, TMPDIR: join(dir, "tmp"), npm_config_unsafe_perm: "true", npm_config_yes: "true" },
    },
  );
  if (!existsSync(bin)) throw new Error(`code-server was not installed in ${dir}`);
  return bin;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Environment with HOME and the XDG folders inside the run's temporary folder. */
export function isolatedEnv(home) {
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    XDG_CACHE_HOME: join(home, ".cache"),
    XDG_DATA_HOME: join(home, ".local", "share"),
  };
}

export function installExtension(bin, vsix, dirs) {
  execFileSync(
    bin,
    ["--extensions-dir", dirs.extensions, "--user-data-dir", dirs.userData, "--install-extension", vsix, "--force"],
    { env: isolatedEnv(dirs.home), stdio: ["ignore", "pipe", "pipe"] },
  );
}

/** Starts code-server in its own process group; resolves when /healthz answers. */
export async function startCodeServer(bin, dirs, workspace, log) {
  const port = await freePort();
  const args = [
    "--bind-addr",
    `127.0.0.1:${port}`,
    "--auth",
    "none",
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-workspace-trust",
    "--disable-getting-started-override",
    "--extensions-dir",
    dirs.extensions,
    "--user-data-dir",
    dirs.userData,
    workspace,
  ];
  const child = spawn(bin, args, { env: isolatedEnv(dirs.home), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => {
    output += d;
  });
  child.stderr.on("data", (d) => {
    output += d;
  });
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
    setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }, 2000).unref();
  };
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) {
        log(`code-server ${CODE_SERVER_VERSION} on ${url} (process group ${child.pid})`);
        return { url, pid: child.pid, stop, output: () => output };
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`code-server did not answer on ${url}/healthz:\n${output}`);
}
