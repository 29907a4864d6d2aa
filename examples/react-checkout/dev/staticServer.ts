import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'

export type StaticServerOptions = {
  /** The built page (`vite build` output). */
  root: string
  /** Path prefix → target origin. `strip: true` removes the prefix before forwarding. */
  proxy: Record<string, { target: string; strip?: boolean }>
  /** Default 0 (any free port). */
  port?: number
}

export type StaticServer = { url: string; close(): Promise<void> }

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
}

/**
 * A small production-style server for the built page on 127.0.0.1: static files (index.html for
 * anything else) and the same same-origin proxy the Vite config declares. Unlike `vite preview`, it
 * does not exit the process when stdin closes, so tests can run it in-process.
 */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = normalize(options.root) + sep
  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    const prefix = Object.keys(options.proxy).find((p) => url === p || url.startsWith(`${p}/`))
    if (prefix) {
      const { target, strip } = options.proxy[prefix]!
      const forwarded = request(
        new URL(strip ? url.slice(prefix.length) || '/' : url, target),
        { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
        (upstream) => {
          res.writeHead(upstream.statusCode ?? 502, upstream.headers)
          upstream.pipe(res)
        },
      )
      forwarded.on('error', () => {
        if (!res.headersSent) res.writeHead(502)
        res.end()
      })
      req.pipe(forwarded)
      return
    }
    const path = decodeURIComponent(url.split('?')[0]!)
    let file = normalize(join(root, path))
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory())
      file = join(root, 'index.html')
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    })
    createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
