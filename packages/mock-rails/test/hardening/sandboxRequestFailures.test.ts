/**
 * Issue 15, defect 1: no single request may take the sandbox process down. Each hostile request is
 * sent on a raw `node:net` socket; afterwards the process has seen no unhandled rejection and the
 * sandbox still answers a normal request.
 */
import { connect } from 'node:net'
import { createSignedClient } from '@ecny/test-utils'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../src/sandbox/startSandbox.js'

let sandbox: Sandbox
let port: number
const rejections: unknown[] = []
const onRejection = (reason: unknown) => rejections.push(reason)

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 15, log: false })
  port = Number(new URL(sandbox.url).port)
})
afterAll(() => sandbox.close())
beforeEach(() => {
  rejections.length = 0
  process.on('unhandledRejection', onRejection)
})
afterEach(() => {
  process.off('unhandledRejection', onRejection)
})

/** Writes `text` on a fresh socket; resolves with all the server sent once it closes (or after `end`). */
function rawExchange(text: string, options: { destroyAfterWrite?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    socket.setEncoding('utf8')
    // A sandbox that never answers fails the test instead of hanging it.
    socket.setTimeout(5_000, () => socket.destroy())
    socket.on('data', (chunk: string) => {
      received += chunk
    })
    socket.on('error', (error) => (options.destroyAfterWrite ? resolve(received) : reject(error)))
    socket.on('close', () => resolve(received))
    socket.write(text, () => {
      if (options.destroyAfterWrite) socket.destroy()
    })
  })
}

/** Lets pending promise jobs and I/O callbacks run, so a rejection would have surfaced. */
async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 20))
}

async function stillAnswers() {
  const client = createSignedClient({ ...sandbox.credentials, baseUrl: sandbox.url })
  const answer = await client.call('GET', `/v1/orders?merchantOrderNo=none-${Math.random()}`)
  expect(answer.status).toBe(404)
}

describe('the sandbox survives hostile requests', () => {
  it('a client that disconnects mid-body', async () => {
    await rawExchange(
      'POST /v1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"merch',
      { destroyAfterWrite: true },
    )
    await settle()
    expect(rejections).toEqual([])
    await stillAnswers()
  })

  it('a TRACE request gets an HTTP answer (404 not_found, as any unsupported method)', async () => {
    const answer = await rawExchange(
      'TRACE /v1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
    )
    await settle()
    expect(rejections).toEqual([])
    expect(answer).toMatch(/^HTTP\/1\.1 404 /)
    expect(answer).toContain('"code":"not_found"')
    await stillAnswers()
  })

  it('an unparsable Host header gets an HTTP answer', async () => {
    const answer = await rawExchange('GET /v1/orders HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n')
    await settle()
    expect(rejections).toEqual([])
    expect(answer).toMatch(/^HTTP\/1\.1 [24]\d\d /)
    await stillAnswers()
  })

  it('an absolute-form target that is not a URL gets an HTTP answer', async () => {
    const answer = await rawExchange(
      'GET http://[bad/v1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
    )
    await settle()
    expect(rejections).toEqual([])
    expect(answer).toMatch(/^HTTP\/1\.1 [24]\d\d /)
    await stillAnswers()
  })

  it('a malformed %-escape in a path is 400 invalid_request, not 500', async () => {
    const client = createSignedClient({ ...sandbox.credentials, baseUrl: sandbox.url })
    const answer = await client.call('GET', '/v1/orders/ord_%E0%A4%A')
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({ error: { code: 'invalid_request' } })
    expect((answer.json as { error: { message: string } }).error.message).toMatch(/percent|%/i)
  })
})
