#!/usr/bin/env node
/**
 * Builds the docs site offline into docs/.vitepress/dist (gitignored):
 *   1. the API reference as Markdown (typedoc + typedoc-plugin-markdown; docs/.vitepress/typedoc.json
 *      extends the root typedoc.json) into docs/api (generated, gitignored; `pnpm api-docs` writes the
 *      HTML version there instead);
 *   2. the protocol pages from docs/protocol/openapi.json (scripts/docs-protocol.mjs);
 *   3. the site itself (VitePress, docs/.vitepress/config.mts), which fails on a dead internal link.
 * Each step prints how long it took. The packages' types come from their builds (`pnpm build`), as
 * for `pnpm api-docs`; without them the API pages have fewer resolved types.
 *
 * Usage: node scripts/docs-build.mjs      (or `pnpm docs:build`)
 * Env: ECNY_DOCS_BASE (default /docs/), ECNY_DOCS_REPO_URL — see docs/.vitepress/config.mts.
 */
import { spawnSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)

function step(label, command, args) {
  const started = performance.now()
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (result.error) throw result.error
  if (result.status !== 0) {
    console.error(`docs-build: ${label} failed (exit ${result.status}) after ${seconds} s`)
    process.exit(result.status ?? 1)
  }
  console.log(`docs-build: ${label} took ${seconds} s`)
}

const total = performance.now()
step('API reference (typedoc markdown)', bin('typedoc'), ['--options', 'docs/.vitepress/typedoc.json'])
step('protocol pages', process.execPath, [join(root, 'scripts', 'docs-protocol.mjs')])
step('site (vitepress build)', bin('vitepress'), ['build', 'docs'])
console.log(`docs-build: done in ${((performance.now() - total) / 1000).toFixed(1)} s → docs/.vitepress/dist`)
