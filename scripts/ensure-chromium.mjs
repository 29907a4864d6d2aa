#!/usr/bin/env node
/**
 * Makes sure Debian's Chromium is at /usr/bin/chromium for the real-browser tests (test/browser),
 * with a CJK font so that zh-CN pages and their screenshots show Chinese, not empty boxes.
 * Playwright never downloads a browser here: it drives this one (`executablePath`).
 *
 * - present (browser and a font for `zh`, per `fc-list :lang=zh`): prints the version and exits 0,
 *   doing nothing else;
 * - missing: runs `apt-get update` then `apt-get install -y` of what is missing (`chromium`,
 *   `fonts-noto-cjk`), as root or through sudo, printing each command before it runs;
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

function hasChineseFont() {
  const result = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' })
  return result.status === 0 && result.stdout.trim() !== ''
}

const missing = [
  ...(existsSync(chromium) ? [] : ['chromium']),
  ...(existsSync(chromium) && hasChineseFont() ? [] : ['fonts-noto-cjk']),
]
if (missing.length === 0) {
  console.log(`ensure-chromium: ${chromium} is present (${version()}) with a Chinese font; nothing to do.`)
  process.exit(0)
}
const aptGet = ['/usr/bin/apt-get', '/bin/apt-get'].find((path) => existsSync(path))
if (!aptGet) {
  console.error(
    `ensure-chromium: ${missing.join(' and ')} missing and apt-get is not available, so it cannot be installed here.\n` +
      'Install Chromium (so that /usr/bin/chromium exists) and a CJK font (Noto Sans CJK) with your system package manager, then re-run.\n' +
      '(Do not run `npx playwright install`: the tests use the system browser.)',
  )
  process.exit(1)
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const sudo = ['/usr/bin/sudo', '/bin/sudo'].find((path) => existsSync(path))
if (!isRoot && !sudo) {
  console.error(
    `ensure-chromium: ${missing.join(' and ')} missing; installing needs root (or sudo), and this user has neither.\n` +
      `Run as root: apt-get update && apt-get install -y ${missing.join(' ')}`,
  )
  process.exit(1)
}

console.log(`ensure-chromium: installing Debian's ${missing.join(' and ')} package(s).`)
const as = (args) => (isRoot ? [aptGet, args] : [sudo, [aptGet, ...args]])
run(...as(['update']))
run(...as(['install', '-y', ...missing]))

if (!existsSync(chromium)) {
  console.error(`ensure-chromium: apt-get finished but ${chromium} still does not exist.`)
  process.exit(1)
}
if (!hasChineseFont()) console.warn('ensure-chromium: fonts-noto-cjk installed but fc-list finds no zh font.')
console.log(`ensure-chromium: installed ${missing.join(' and ')}; ${chromium} is ${version()}.`)
