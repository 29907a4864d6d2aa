/**
 * Runs docs/testing.md's unknown-outcome example exactly as written (the fenced block after the
 * `tested by test/docs/faultsExample.test.ts` marker) against the sandbox over loopback HTTP, with the
 * names the docs assume: `rails`, `client` (a merchant client, default retries) and `order`.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startSandbox } from '@ecny/mock-rails'
import { createMerchantClient } from '@ecny/sdk-merchant'
import ts from 'typescript'
import { expect, it } from 'vitest'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const marker = '<!-- tested by test/docs/faultsExample.test.ts -->'

/** The fenced `ts` block right after the marker, as JavaScript. */
function documentedExample(): string {
  const markdown = readFileSync(join(root, 'docs', 'testing.md'), 'utf8')
  const after = markdown.slice(markdown.indexOf(marker) + marker.length)
  const block = /^\s*```ts\n([\s\S]*?)\n```/.exec(after)
  if (!markdown.includes(marker) || !block) throw new Error('docs/testing.md lost its tested example')
  return ts.transpileModule(block[1]!, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText
}

it('docs/testing.md: dropEveryAnswer → result_unknown then pending; dropAfterCommit → the retry succeeds', async () => {
  const sandbox = await startSandbox({ seed: 3, log: false })
  try {
    const client = createMerchantClient({
      baseUrl: sandbox.url,
      credentials: sandbox.credentials,
      merchantId: sandbox.merchantId,
      logLevel: 'silent',
    })
    const order = { mode: 'qr', merchantOrderNo: 'DOC-1', amount: 1_250, description: 'Latte' } as const
    const AsyncFunction = (async () => {}).constructor as new (
      ...names: string[]
    ) => (...values: unknown[]) => Promise<void>
    const run = new AsyncFunction('rails', 'client', 'order', 'expect', documentedExample())
    await run(sandbox.rails, client, order, expect)
    // What the example claims, checked on the rails: each create made exactly one order.
    const onRails = (no: string) => sandbox.rails.engine.findOrderByMerchantOrderNo(sandbox.merchantId, no)
    expect([onRails('DOC-1').status, onRails('DOC-1-2').status]).toEqual(['created', 'created'])
    expect(expect.getState().assertionCalls).toBeGreaterThanOrEqual(4)
  } finally {
    await sandbox.close()
  }
})
