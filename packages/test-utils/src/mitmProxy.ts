/** A man-in-the-middle proxy on 127.0.0.1 that can record, alter or replay exchanges between an SDK and a gateway. */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import { closeServer, listen } from './loopback.js'
import { type Exchange, type RawResponse, readAll, sendRaw } from './rawHttp.js'

export type ProxyHooks = {
  /** Alter (return a new exchange) or just observe a request on its way to the gateway. */
  request?: (exchange: Exchange) => Exchange | undefined | Promise<Exchange | undefined>
  /** Alter (return a new response) or observe a response on its way back to the SDK. */
  response?: (
    exchange: Exchange,
    response: RawResponse,
  ) => RawResponse | undefined | Promise<RawResponse | undefined>
}

export type MitmProxy = { url: string; hooks: ProxyHooks; close(): Promise<void> }

/** A loopback proxy in front of `target` whose `hooks` may be swapped between calls. */
export async function startProxy(target: string, hooks: ProxyHooks = {}): Promise<MitmProxy> {
  const proxy: MitmProxy = { url: '', hooks, close: async () => {} }
  const server = createServer((req, res) => {
    void (async () => {
      try {
        let exchange: Exchange = {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: { ...req.headers },
          body: await readAll(req),
        }
        exchange = (await proxy.hooks.request?.(exchange)) ?? exchange
        let response = await sendRaw(target, exchange)
        response = (await proxy.hooks.response?.(exchange, response)) ?? response
        const headers: IncomingHttpHeaders = {
          ...response.headers,
          'content-length': String(response.body.length),
        }
        delete headers['transfer-encoding']
        delete headers.connection
        delete headers['keep-alive']
        res.writeHead(response.status, headers).end(response.body)
      } catch {
        res.destroy()
      }
    })()
  })
  proxy.url = await listen(server)
  proxy.close = () => closeServer(server)
  return proxy
}
