#!/usr/bin/env node
/**
 * ensure-workerd: makes sure the workerd runtime the edge tests start (test/edge) is installed and
 * runs here. It is the npm package `workerd` (a root devDependency; its binary ships inside the
 * registry package @cloudflare/workerd-linux-64), so `pnpm install --frozen-lockfile` installs it.
 *
 * - present: prints its version and exits 0;
 * - missing or not runnable: runs `pnpm install --frozen-lockfile` once, then checks again;
 * - still missing: exits 1 saying what to do.
 *
 * Usage: node scripts/ensure-workerd.mjs
 */
import { spawnSync } from 'node:child_process'

async function binary() {
  try {
    const workerd = await import('workerd')
    // A CommonJS package: its exports arrive as `default`, the binary's path as their `default`.
    const path = workerd.default?.default ?? workerd.default
    const result = spawnSync(path, ['--version'], { encoding: 'utf8' })
    return result.status === 0 ? { path, version: result.stdout.trim() } : undefined
  } catch {
    return undefined
  }
}

let found = await binary()
if (!found) {
  console.log('ensure-workerd: $ pnpm install --frozen-lockfile')
  spawnSync('pnpm', ['install', '--frozen-lockfile'], { stdio: 'inherit' })
  found = await binary()
}
if (!found) {
  console.error(
    'ensure-workerd: the workerd binary is missing or does not run. Run `pnpm install` (the npm package `workerd` ships it for linux-64 and darwin).',
  )
  process.exit(1)
}
console.log(`ensure-workerd: ${found.version} at ${found.path}`)
