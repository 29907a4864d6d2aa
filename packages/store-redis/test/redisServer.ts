import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export type RedisServer = {
  /** `redis://127.0.0.1:<port>`. */
  url: string
  /** Stops the server and removes its directory. */
  stop(): Promise<void>
}

const ensureRedis = fileURLToPath(new URL('../../../scripts/ensure-redis.mjs', import.meta.url))
const isInstalled = () => spawnSync('redis-server', ['--version']).status === 0

const installLock = join(tmpdir(), 'ecny-ensure-redis.lock')
const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/**
 * Installs Debian's redis-server if it is missing (scripts/ensure-redis.mjs, the same step as the
 * test command's), or throws: the Redis tests never skip. Test files run in parallel workers, so one
 * installs while the others wait on a lock directory.
 */
function ensureRedisServer(): void {
  if (isInstalled()) return
  const giveUpAt = Date.now() + 10 * 60_000
  for (;;) {
    try {
      mkdirSync(installLock)
      break
    } catch {
      if (isInstalled()) return
      if (Date.now() > giveUpAt)
        throw new Error(`redis-server is missing and ${installLock} stayed locked for 10 min`)
      sleepSync(250)
    }
  }
  try {
    if (isInstalled()) return
    const result = spawnSync(process.execPath, [ensureRedis], { encoding: 'utf8' })
    if (isInstalled()) return
    throw new Error(
      `redis-server is not installed and could not be installed (node scripts/ensure-redis.mjs exited with ${result.status}):\n` +
        `${result.stdout}${result.stderr}\nInstall it (Debian: apt-get install -y redis-server) and re-run.`,
    )
  } finally {
    rmSync(installLock, { recursive: true, force: true })
  }
}

/** A port nobody listens on right now, on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no TCP port was assigned')
  return address.port
}

/** Resolves once the server says it accepts connections; rejects if it exits first. */
function ready(server: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = ''
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Ready to accept connections')) resolve()
    })
    server.once('error', reject)
    server.once('exit', (code) =>
      reject(new Error(`redis-server exited with ${code} before it was ready:\n${output}`)),
    )
  })
}

/**
 * Starts a throwaway redis-server on 127.0.0.1 on a free port, persisting nothing (`--save ''
 * --appendonly no`, its directory a temp one), for one test file: call `stop()` in `afterAll`.
 *
 * @example
 * let redis: RedisServer
 * beforeAll(async () => { redis = await startRedisServer() })
 * afterAll(() => redis.stop())
 */
export async function startRedisServer(): Promise<RedisServer> {
  ensureRedisServer()
  for (let attempt = 1; ; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'ecny-redis-'))
    const port = await freePort()
    const server = spawn(
      'redis-server',
      ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()))
    try {
      await ready(server)
    } catch (error) {
      rmSync(dir, { recursive: true, force: true })
      // Another process may have taken the port between freePort() and the bind: try another.
      if (attempt < 3) continue
      throw error
    }
    return {
      url: `redis://127.0.0.1:${port}`,
      async stop() {
        server.kill('SIGTERM')
        await exited
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
}
