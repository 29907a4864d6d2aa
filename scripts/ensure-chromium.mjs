#!/usr/bin/env node
/**
 * Makes sure Debian's Chromium is at /usr/bin/chromium for the real-browser tests (test/browser).
 * Playwright never downloads a browser here: it drives this one (`executablePath`).
 *
 * - present: prints its version and exits 0, doing nothing else;
 * - missing: runs `apt-get update` then `apt-get install -y chromium` (as root, or through sudo),
 *   printing each command before it runs;
 * - no apt-get (not Debian/Ubuntu): exits 1 with what to install instead.
 *
 * Usage: node scripts/ensure-chromium.mjs
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const chromium = '/usr/bin/chromium'

function run(command, args) {
  console.log(`ensure-chromium: $ ${[command, ...args].join(' ')}`)
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (result.error) throw result.error
  if (result.status !== 0) {
    console.error(`ensure-chromium: "${command} ${args.join(' ')}" exited with ${result.status}`)
    process.exit(1)
  }
}

function version() {
  const result = spawnSync(chromium, ['--version'], { encoding: 'utf8' })
  return result.status === 0 ? result.stdout.trim() : 'version unknown'
}

if (existsSync(chromium)) {
  console.log(`ensure-chromium: ${chromium} is present (${version()}); nothing to do.`)
  process.exit(0)
}

const aptGet = ['/usr/bin/apt-get', '/bin/apt-get'].find((path) => existsSync(path))
if (!aptGet) {
  console.error(
    `ensure-chromium: ${chromium} is missing and apt-get is not available, so it cannot be installed here.\n` +
      'Install Chromium with your system package manager so that /usr/bin/chromium exists, then re-run.\n' +
      '(Do not run `npx playwright install`: the tests use the system browser.)',
  )
  process.exit(1)
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const sudo = ['/usr/bin/sudo', '/bin/sudo'].find((path) => existsSync(path))
if (!isRoot && !sudo) {
  console.error(
    `ensure-chromium: ${chromium} is missing; installing it needs root (or sudo), and this user has neither.\n` +
      'Run as root: apt-get update && apt-get install -y chromium',
  )
  process.exit(1)
}

console.log(`ensure-chromium: ${chromium} is missing; installing Debian's chromium package.`)
const as = (args) => (isRoot ? [aptGet, args] : [sudo, [aptGet, ...args]])
run(...as(['update']))
run(...as(['install', '-y', 'chromium']))

if (!existsSync(chromium)) {
  console.error(`ensure-chromium: apt-get finished but ${chromium} still does not exist.`)
  process.exit(1)
}
console.log(`ensure-chromium: installed ${chromium} (${version()}).`)
