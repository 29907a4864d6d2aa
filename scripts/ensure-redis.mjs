#!/usr/bin/env node
/**
 * Makes sure Debian's redis-server is installed for the store-redis tests, which start their own
 * server on 127.0.0.1 on a free port (packages/store-redis/test/redisServer.ts).
 *
 * - present (`redis-server` on PATH or in /usr/bin): prints its version and exits 0, doing nothing else;
 * - missing: runs `apt-get update` then `apt-get install -y redis-server` (as root, or through sudo),
 *   printing each command before it runs;
 * - no apt-get (not Debian/Ubuntu): exits 1 with what to install instead.
 *
 * Usage: node scripts/ensure-redis.mjs
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

function run(command, args) {
  console.log(`ensure-redis: $ ${[command, ...args].join(' ')}`)
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (result.error) throw result.error
  if (result.status !== 0) {
    console.error(`ensure-redis: "${command} ${args.join(' ')}" exited with ${result.status}`)
    process.exit(1)
  }
}

/** `redis-server --version`, or undefined when it cannot be run. */
function version() {
  const result = spawnSync('redis-server', ['--version'], { encoding: 'utf8' })
  return result.status === 0 ? result.stdout.trim() : undefined
}

const present = version()
if (present !== undefined) {
  console.log(`ensure-redis: redis-server is present (${present}); nothing to do.`)
  process.exit(0)
}

const aptGet = ['/usr/bin/apt-get', '/bin/apt-get'].find((path) => existsSync(path))
if (!aptGet) {
  console.error(
    'ensure-redis: redis-server is missing and apt-get is not available, so it cannot be installed here.\n' +
      'Install Redis with your system package manager so that `redis-server` is on PATH, then re-run.',
  )
  process.exit(1)
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const sudo = ['/usr/bin/sudo', '/bin/sudo'].find((path) => existsSync(path))
if (!isRoot && !sudo) {
  console.error(
    'ensure-redis: redis-server is missing; installing it needs root (or sudo), and this user has neither.\n' +
      'Run as root: apt-get update && apt-get install -y redis-server',
  )
  process.exit(1)
}

console.log("ensure-redis: redis-server is missing; installing Debian's redis-server package.")
const as = (args) => (isRoot ? [aptGet, args] : [sudo, [aptGet, ...args]])
run(...as(['update']))
run(...as(['install', '-y', 'redis-server']))

const installed = version()
if (installed === undefined) {
  console.error('ensure-redis: apt-get finished but `redis-server --version` still fails.')
  process.exit(1)
}
console.log(`ensure-redis: installed redis-server (${installed}).`)
