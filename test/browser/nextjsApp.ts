import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { join } from 'node:path'

/** A `next start` server this test started. */
export type NextApp = {
  /** `http://127.0.0.1:<port>`. */
  url: string
  /** Everything `next start` printed, for failure messages. */
  output(): string
  stop(): Promise<void>
}

/** What every `next` run gets: no telemetry, production mode, nothing inherited that points elsewhere. */
function nextEnv(extra: Record<string, string>): Record<string, string | undefined> {
  // vitest sets NODE_ENV=test; `next build`/`next start` want production.
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    ...extra,
  }
  for (const name of Object.keys(env)) if (name.startsWith('ECNY_') && !(name in extra)) delete env[name]
  return env
}

/** The `next` CLI of the app in `dir` (its own dependency, as a user would run it). */
function nextBin(dir: string): string {
  return createRequire(join(dir, 'package.json')).resolve('next/dist/bin/next')
}

function run(dir: string, args: string[], env: Record<string, string>): ChildProcess {
  // Its own process group, so stop() ends it and anything it started, and nothing else.
  return spawn(process.execPath, [nextBin(dir), ...args], {
    cwd: dir,
    env: nextEnv(env) as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
}

function collect(child: ChildProcess): () => string {
  let text = ''
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()))
  return () => text
}

/**
 * Runs `next build` in `dir`; resolves with its output, rejects with it when the build fails.
 *
 * @example
 * await nextBuild(resolve('examples/nextjs-checkout'))
 */
export async function nextBuild(dir: string): Promise<string> {
  const child = run(dir, ['build'], {})
  const output = collect(child)
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', resolve)
  })
  if (code !== 0) throw new Error(`next build exited with ${code}:\n${output()}`)
  return output()
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (!address || typeof address === 'string') throw new Error('no free port on 127.0.0.1')
  return address.port
}

/**
 * Runs `next start` for the built app in `dir` on 127.0.0.1 and a free port with `env`; resolves
 * once it answers `GET /`, rejects with its output when it exits or does not answer within 60 s.
 *
 * @example
 * const app = await nextStart(dir, { ECNY_GATEWAY_URL: sandbox.url })
 * await app.stop()
 */
export async function nextStart(dir: string, env: Record<string, string>): Promise<NextApp> {
  const port = await freePort()
  const child = run(dir, ['start', '--hostname', '127.0.0.1', '--port', String(port)], env)
  const output = collect(child)
  let exited: number | null | undefined
  const gone = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = code
      resolve()
    }),
  )
  const stop = async () => {
    if (exited !== undefined) return
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {}
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {}
    }, 5_000)
    await gone
    clearTimeout(timer)
  }
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (exited !== undefined) throw new Error(`next start exited with ${exited}:\n${output()}`)
    const answered = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.ok,
      () => false,
    )
    if (answered) return { url, output, stop }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`next start did not answer on ${url} within 60 s:\n${output()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
