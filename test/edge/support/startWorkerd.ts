import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type Workerd = {
  /** `http://127.0.0.1:<port>`. */
  url: string
  /** Everything workerd printed, for failure messages. */
  output(): string
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (!address || typeof address === 'string') throw new Error('no free port on 127.0.0.1')
  return address.port
}

/** The binary the npm package `workerd` ships (from its platform package, e.g. @cloudflare/workerd-linux-64). */
function workerdBinary(): string {
  const require = createRequire(import.meta.url)
  return require.resolve('workerd/bin/workerd')
}

function capnpConfig(port: number, bindingJson: string): string {
  // A capnp text literal: JSON.stringify escapes quotes and backslashes the way capnp reads them.
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["local", "private", "public"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2025-09-01",
  bindings = [(name = "ECNY", json = ${JSON.stringify(bindingJson)})],
  globalOutbound = "loopback",
);
`
}

/**
 * Runs `workerCode` (an ES module) in the real workerd runtime on 127.0.0.1 and a free port, with
 * `env.ECNY` bound to `binding` (JSON). Resolves once workerd answers; throws with workerd's
 * output when it exits or does not answer within 30 s.
 *
 * @example
 * const workerd = await startWorkerd(code, { baseUrl: sandbox.url })
 * const answer = await fetch(workerd.url)
 * await workerd.stop()
 */
export async function startWorkerd(workerCode: string, binding: unknown): Promise<Workerd> {
  const dir = await mkdtemp(join(tmpdir(), 'ecny-workerd-'))
  const port = await freePort()
  await writeFile(join(dir, 'worker.js'), workerCode)
  await writeFile(join(dir, 'config.capnp'), capnpConfig(port, JSON.stringify(binding)))
  let output = ''
  const child: ChildProcess = spawn(workerdBinary(), ['serve', join(dir, 'config.capnp'), '--verbose'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
    await rm(dir, { recursive: true, force: true })
  }
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) {
      await stop()
      throw new Error(`workerd exited with ${child.exitCode} before serving:\n${output}`)
    }
    const ok = await fetch(`${url}/__ready`, { method: 'HEAD' }).then(
      () => true,
      () => false,
    )
    if (ok) break
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`workerd did not answer on ${url} within 30 s:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { url, output: () => output, stop }
}
