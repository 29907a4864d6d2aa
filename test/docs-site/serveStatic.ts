/**
 * A small static server for the built docs site on 127.0.0.1, the way a host serves VitePress with
 * `cleanUrls`: `/docs/errors` → `errors.html`, `/docs/zh/` → `zh/index.html`, other files as they are,
 * anything else the site's 404 page with status 404.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

export type StaticSite = { url: string; close: () => Promise<void> }

/** The file that answers `pathname` (already stripped of the base), or `undefined`. */
function fileFor(root: string, pathname: string): string | undefined {
  const path = normalize(join(root, decodeURIComponent(pathname)))
  if (path !== root && !path.startsWith(root + sep)) return undefined
  const candidates = pathname.endsWith('/')
    ? [join(path, 'index.html')]
    : [path, `${path}.html`, join(path, 'index.html')]
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile())
}

/**
 * Serves `root` under `base` (e.g. `/docs/`) on a free loopback port.
 *
 * @example
 * const site = await serveStatic('docs/.vitepress/dist', '/docs/')
 * await fetch(`${site.url}errors`) // 200, errors.html
 * await site.close()
 */
export async function serveStatic(root: string, base: string): Promise<StaticSite> {
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1')
    const file = pathname.startsWith(base) ? fileFor(root, pathname.slice(base.length - 1)) : undefined
    const status = file ? 200 : 404
    const served = file ?? join(root, '404.html')
    response.writeHead(status, { 'content-type': types[extname(served)] ?? 'application/octet-stream' })
    response.end(readFileSync(served))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  }
}
