// @vitest-environment jsdom
import { afterEach, expect, it, vi } from 'vitest'
import { type Sandbox, startSandbox } from '../sandbox/startSandbox.js'

let sandbox: Sandbox | undefined
afterEach(async () => {
  vi.restoreAllMocks()
  await sandbox?.close()
  sandbox = undefined
})

it('refuses the page and the state endpoint when the sandbox is not in test mode', async () => {
  sandbox = await startSandbox({ log: false, testMode: false })
  for (const path of ['/dashboard', '/dashboard/api/state']) {
    const response = await fetch(`${sandbox.url}${path}`)
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ error: { code: 'permission_denied' } })
  }
})

it('refuses a POST from another origin (a page elsewhere cannot press resend)', async () => {
  sandbox = await startSandbox({ log: false })
  const response = await fetch(`${sandbox.url}/dashboard/api/notifications/evt_1/resend`, {
    method: 'POST',
    headers: { origin: 'http://evil.example' },
  })
  expect(response.status).toBe(403)
})

it('shows a description with <script> as text, and wallet ids masked', async () => {
  sandbox = await startSandbox({ log: false })
  const { rails, merchantId, url } = sandbox
  const wallet = rails.engine.openWallet({ level: 'WL04', mobile: '13800000000' })
  const description = '<script>alert(1)<img src>'
  rails.engine.createOrder({ merchantId, merchantOrderNo: 'X-1', amount: 100, description, mode: 'qr' })
  const html = await (await fetch(`${url}/dashboard`)).text()
  document.documentElement.innerHTML = new DOMParser()
    .parseFromString(html, 'text/html')
    .documentElement.innerHTML.replace(/<script nonce[\s\S]*<\/script>/, '')
  const script = /<script nonce="[^"]+">([\s\S]*?)<\/script>/.exec(html)![1]!
  const realFetch = globalThis.fetch
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) =>
    realFetch(new URL(String(input), url), init),
  )
  const timers: ReturnType<typeof setInterval>[] = []
  const realSetInterval = globalThis.setInterval
  vi.spyOn(globalThis, 'setInterval').mockImplementation(((handler: () => void, ms: number) => {
    const timer = realSetInterval(handler, ms)
    timers.push(timer)
    return timer
  }) as typeof setInterval)
  new Function(script)()
  await vi.waitFor(() => expect(document.querySelector('#orders td')).not.toBeNull(), { timeout: 5000 })
  for (const timer of timers) clearInterval(timer)
  const orders = document.getElementById('orders')!
  expect(orders.textContent).toContain(description)
  expect(orders.querySelector('script, img')).toBeNull()
  expect((window as { pwned?: number }).pwned).toBeUndefined()
  const wallets = document.getElementById('wallets')!.textContent!
  expect(wallets).not.toContain(wallet.id)
  expect(wallets).toContain(`${wallet.id.slice(0, 6)}******${wallet.id.slice(-4)}`)
})
