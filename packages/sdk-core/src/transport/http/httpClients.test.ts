import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import axios from 'axios'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axiosHttp } from './axiosHttp.js'
import { fetchHttp } from './fetchHttp.js'
import type { HttpClient } from './HttpClient.js'

let server: Server
let url = ''
const seen: Array<{ method?: string; body: string; headers: Record<string, unknown> }> = []

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      seen.push({ method: req.method, body, headers: req.headers })
      if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'text/csv' })
        for (let i = 0; i < 1000; i++) res.write(`row-${i}\n`)
        res.end()
        return
      }
      res.writeHead(req.url === '/teapot' ? 418 : 200, {
        'x-echo': 'yes',
        'content-type': 'application/json',
      })
      res.end(JSON.stringify({ echoed: body }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const clients: Array<[string, () => HttpClient]> = [
  ['axios', () => axiosHttp(axios.create())],
  ['fetch', () => fetchHttp()],
]

describe.each(clients)('%s http client', (_, make) => {
  it('sends the exact body bytes and headers, returns raw bytes and any status', async () => {
    const body = '{"amount":1234,"note":"咖啡"}'
    const response = await make().send({
      method: 'POST',
      url: `${url}/teapot`,
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k1' },
      body,
    })
    expect(response.status).toBe(418)
    expect(response.header('x-echo')).toBe('yes')
    expect(JSON.parse(new TextDecoder().decode(response.body))).toEqual({ echoed: body })
    const last = seen.at(-1)!
    expect(last.body).toBe(body)
    expect(last.headers['idempotency-key']).toBe('k1')
  })

  it('streams a large body chunk by chunk', async () => {
    const response = await make().stream({ method: 'GET', url: `${url}/big`, headers: {} })
    let text = ''
    let chunks = 0
    for await (const chunk of response.body) {
      chunks++
      text += new TextDecoder().decode(chunk)
    }
    expect(chunks).toBeGreaterThan(0)
    expect(text.split('\n').filter(Boolean)).toHaveLength(1000)
  })

  it('throws on a refused connection, with the system code reachable', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const error = await make()
      .send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} })
      .then(
        () => ({}) as { code?: string; cause?: { code?: string } },
        (e: unknown) => e as { code?: string; cause?: { code?: string } },
      )
    expect(error.code ?? error.cause?.code).toBe('ECONNREFUSED')
  })
})
