/**
 * The browser build of `@ecny/sdk-core` (what a bundler gets through the `browser` export condition:
 * `src/index.ts` with the `*.browser.ts` variants) must not contain a way to sign a request. Checked on
 * the whole entry — every export — not on one page that happens not to use signing:
 * no signing module is in its graph, no WebCrypto `sign` call is in its code, and when the built
 * bundle is loaded, handing it a private JWK gets `insecure_environment`, never a signature.
 */

import { generateKeyPairSync } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build, type Metafile, type Plugin } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserVariants } from '../../packages/sdk-core/build/browserVariants.js'

const root = new URL('../../', import.meta.url).pathname
const entry = `${root}packages/sdk-core/src/index.ts`

/** Workspace packages from their sources, as the tests see them (not a possibly stale dist). */
const workspaceSources: Plugin = {
  name: 'workspace-sources',
  setup(context) {
    context.onResolve({ filter: /^@ecny\/protocol$/ }, () => ({
      path: `${root}packages/protocol/src/index.ts`,
    }))
  },
}

/** Files whose presence means a private-key signing path reached the browser build. */
const signingModules = [
  'packages/sdk-core/src/transport/createKeySigner.ts',
  'packages/sdk-core/src/transport/signRequest.ts',
  'packages/sdk-core/src/transport/signCompact.ts',
  'packages/sdk-core/src/client/serverAuth.ts',
]

/** A P-256 private JWK, as a server's credentials hold it. */
const privateJwk = () =>
  generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' })

let metafile: Metafile
let code: string
let directory: string
let sdk: Record<string, unknown>

beforeAll(async () => {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
    // The whole entry is the entry point, so every export is kept: nothing is dropped because one
    // page did not use it; only code no export can reach is left out.
    plugins: [workspaceSources, browserVariants],
  })
  metafile = result.metafile
  code = result.outputFiles[0]!.text
  directory = await mkdtemp(join(tmpdir(), 'ecny-browser-build-'))
  const file = join(directory, 'index.mjs')
  await writeFile(file, code)
  sdk = (await import(pathToFileURL(file).href)) as Record<string, unknown>
})
afterAll(async () => {
  if (directory) await rm(directory, { recursive: true, force: true })
})

describe('the browser build cannot sign (security)', () => {
  it('has no signing module in its graph, and uses the browser stand-ins', () => {
    const inputs = Object.keys(metafile.inputs)
    expect(inputs.some((path) => path.endsWith('src/actions/payments/createPaymentCode.ts'))).toBe(true)
    expect(inputs.filter((path) => signingModules.some((module) => path.endsWith(module)))).toEqual([])
    expect(inputs.some((path) => path.endsWith('src/transport/createKeySigner.browser.ts'))).toBe(true)
    expect(inputs.some((path) => path.endsWith('src/client/serverAuth.browser.ts'))).toBe(true)
    // And no axios: the browser build's transport is fetch.
    expect(inputs.filter((path) => path.includes('/axios/'))).toEqual([])
  })

  it('contains no WebCrypto or jose signing call and no PKCS#8 import', () => {
    expect(code).not.toMatch(/subtle\.sign\s*\(/)
    expect(code).not.toMatch(/\bimportPKCS8\b/)
    expect(code).not.toMatch(/\b(CompactSign|FlattenedSign|SignJWT|GeneralSign)\b/)
  })

  it('still exports createKeySigner, which refuses a private JWK with insecure_environment', async () => {
    const jwk = privateJwk()
    const createKeySigner = sdk.createKeySigner as (parameters: { privateKey: unknown }) => Promise<unknown>
    expect(typeof createKeySigner).toBe('function')
    await expect(Promise.resolve().then(() => createKeySigner({ privateKey: jwk }))).rejects.toMatchObject({
      code: 'insecure_environment',
    })
  })

  it('refuses server credentials even with dangerouslyAllowBrowser', async () => {
    const jwk = privateJwk()
    const createClient = sdk.createClient as (config: unknown) => unknown
    expect(() =>
      createClient({
        baseUrl: 'http://127.0.0.1:9',
        credentials: { appId: 'app_1', privateKey: jwk },
        dangerouslyAllowBrowser: true,
      }),
    ).toThrow(expect.objectContaining({ code: 'insecure_environment' }))
  })
})
