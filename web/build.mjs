// Bundles the browser code of the web pages into kg/web/static/vendor/, which the server serves
// itself (no page loads anything from elsewhere). Run by `make assets`, which `make run` and
// `make test` call; the output is not kept in the repository.
import { build } from "esbuild";
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "kg", "web", "static", "vendor");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// One bundle per page script in src/: each is an IIFE that puts its API on window.
const entries = readdirSync(join(here, "src")).filter((name) => name.endsWith(".js"));
await build({
  entryPoints: entries.map((name) => join(here, "src", name)),
  outdir: out,
  bundle: true,
  format: "iife",
  minify: true,
  target: ["es2020"],
  legalComments: "linked",
  logLevel: "warning",
});

// Packages that ship a ready browser build are copied as they are, with their licences.
const copies = [
  ["chart.js/dist/chart.umd.min.js", "chart.umd.min.js"],
  ["chart.js/LICENSE.md", "chart.js-LICENSE.md"],
];
for (const [from, to] of copies) cpSync(join(here, "node_modules", from), join(out, to));
writeFileSync(join(out, ".built"), "");
