#!/usr/bin/env node
/**
 * ensure-sqlite: makes sure better-sqlite3 (the optional dependency the durable sandbox,
 * `ecny-sandbox --state FILE`, stores its state in) is built and loads here. pnpm runs its build
 * (allowBuilds in pnpm-workspace.yaml) but, unlike npm, does not hand node-gyp the machine's `nodedir`:
 * offline, node-gyp then fails downloading Node's headers and pnpm skips the optional package.
 *
 * - loads: prints its version and exits 0;
 * - does not: runs `pnpm rebuild better-sqlite3` once with `npm_config_nodedir` set to the headers
 *   that ship with this Node (`<prefix>/include/node`), then checks again;
 * - still does not: prints the error and exits 1.
 *
 * Usage: node scripts/ensure-sqlite.mjs
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const fromMockRails = createRequire(new URL('../packages/mock-rails/package.json', import.meta.url))

function load() {
  const script =
    "const D = require('better-sqlite3'); new D(':memory:').close(); console.log(require('better-sqlite3/package.json').version)"
  const result = spawnSync(process.execPath, ['-e', script], {
    cwd: dirname(fromMockRails.resolve('./package.json')),
    encoding: 'utf8',
  })
  return result.status === 0 ? { version: result.stdout.trim() } : { error: result.stderr.trim() }
}

let found = load()
if (!found.version) {
  const prefix = dirname(dirname(process.execPath))
  const nodedir = existsSync(join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined
  console.log(`ensure-sqlite: ${found.error.split('\n').find((line) => /Error/.test(line)) ?? found.error}`)
  console.log(
    `ensure-sqlite: $ pnpm rebuild better-sqlite3${nodedir ? ` (npm_config_nodedir=${nodedir})` : ''}`,
  )
  spawnSync('pnpm', ['rebuild', 'better-sqlite3'], {
    stdio: 'inherit',
    env: { ...process.env, ...(nodedir && { npm_config_nodedir: nodedir }) },
  })
  found = load()
}
if (!found.version) {
  console.error(`ensure-sqlite: better-sqlite3 does not load:\n${found.error}`)
  console.error(
    'ensure-sqlite: it needs python3, make, g++ and Node headers (or a prebuilt binary). Run `pnpm install`, then this script again.',
  )
  process.exit(1)
}
console.log(`ensure-sqlite: better-sqlite3 ${found.version}`)
