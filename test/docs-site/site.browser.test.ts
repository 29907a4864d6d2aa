/**
 * The docs site end to end in a real browser: builds it (`scripts/docs-build.mjs`: API reference,
 * protocol pages, VitePress), serves the build on 127.0.0.1 under `/docs/` as a host would, and drives
 * Debian's Chromium (playwright-core, `node scripts/ensure-chromium.mjs`) through it: both languages
 * render, local search finds an error code, every internal link and anchor resolves, and every
 * `docsUrl` the SDK can produce, for every code in both languages, lands on an element with the
 * code as its id. Screenshots go to test-artifacts/docs-site/.
 */
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { docsUrlFor, errorCodes } from '../../packages/sdk-core/src/errors/errorCodes.js'
import { type ChromiumSession, launchChromium } from '../support/chromium.js'
import { type StaticSite, serveStatic } from './serveStatic.js'

const root = resolve(import.meta.dirname, '../..')
const dist = join(root, 'docs/.vitepress/dist')
const codes = Object.keys(errorCodes)

let site: StaticSite
let browser: ChromiumSession
let page: Page
let buildSeconds = 0
const pageErrors: string[] = []

const screenshot = (name: string) => browser.screenshot(name, { fullPage: false })

/** Opens a site page and waits until the client app has taken over (hydrated). */
async function open(url: string): Promise<number> {
  const response = await page.goto(url)
  await page.locator('.VPContent').waitFor()
  return response?.status() ?? 0
}

beforeAll(async () => {
  const started = performance.now()
  const build = spawnSync(process.execPath, [join(root, 'scripts/docs-build.mjs')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ECNY_DOCS_BASE: '/docs/' },
  })
  buildSeconds = (performance.now() - started) / 1000
  if (build.status !== 0) throw new Error(`docs build failed:\n${build.stdout}\n${build.stderr}`)
  console.log(`docs site built in ${buildSeconds.toFixed(1)} s`)
  site = await serveStatic(dist, '/docs/')
  browser = await launchChromium({ artifacts: 'docs-site', viewport: { width: 1200, height: 800 } })
  page = browser.page
  page.setDefaultTimeout(30_000)
  page.on('pageerror', (error) => pageErrors.push(error.message))
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await site?.close()
})

describe('docs site in Chromium', () => {
  it('renders the English and the Chinese home page, guides and error reference', async () => {
    expect(await open(site.url)).toBe(200)
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('ecny-sdk documentation')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await screenshot('01-en-home')

    expect(await open(`${site.url}zh/`)).toBe(200)
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('中文文档')
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN')
    await screenshot('02-zh-home')

    for (const [path, heading] of [
      ['zh/getting-started', '快速开始'],
      ['zh/merchant-checkout', '商户收款'],
      ['zh/notifications', '支付通知'],
      ['zh/errors', '错误码参考'],
      ['errors', 'Error reference'],
      ['protocol/', 'e-CNY gateway protocol'],
      ['api/', 'API reference'],
    ] as const) {
      expect(await open(`${site.url}${path}`), path).toBe(200)
      expect(await page.locator('.vp-doc h1').first().textContent(), path).toContain(heading)
    }
    await open(`${site.url}zh/errors#limit_exceeded`)
    await screenshot('03-zh-errors-limit_exceeded')
    expect(pageErrors).toEqual([])
  })

  it('finds an error code with the local search, in both languages', async () => {
    for (const [home, query, expected, shot] of [
      ['', 'result_unknown', /\/docs\/errors#result_unknown$/, '04-search-en'],
      ['zh/', 'limit_exceeded', /\/docs\/zh\/errors#limit_exceeded$/, '05-search-zh'],
    ] as const) {
      await open(`${site.url}${home}`)
      await page.locator('.VPNavBarSearch button').first().click()
      await page.locator('#localsearch-input').fill(query)
      const hrefs = () =>
        page
          .locator('#localsearch-list a.result')
          .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))
      await expect
        .poll(hrefs, { timeout: 15_000 })
        .toEqual(expect.arrayContaining([expect.stringMatching(expected)]))
      await screenshot(shot)
      await page.keyboard.press('Escape')
    }
  })

  it('has no broken internal link or anchor (crawled from both home pages)', async () => {
    const origin = new URL(site.url).origin
    const queue = [site.url, `${site.url}zh/`]
    const seen = new Set(queue)
    const idsByPage = new Map<string, Set<string>>()
    const linksFrom: { from: string; to: string }[] = []
    const broken: string[] = []
    while (queue.length > 0) {
      const url = queue.shift()!
      const status = await open(url)
      if (status !== 200) {
        broken.push(`${url}: HTTP ${status}`)
        continue
      }
      const { ids, hrefs } = await page.evaluate(() => ({
        ids: [...document.querySelectorAll('[id]')].map((element) => element.id),
        hrefs: [...document.querySelectorAll('a[href]')].map((link) => (link as HTMLAnchorElement).href),
      }))
      idsByPage.set(url, new Set(ids))
      for (const href of hrefs) {
        const target = new URL(href)
        if (target.origin !== origin) continue
        linksFrom.push({ from: url, to: href })
        const pageUrl = `${target.origin}${target.pathname}`
        if (seen.has(pageUrl)) continue
        seen.add(pageUrl)
        if (/\.[a-z0-9]+$/i.test(target.pathname) && !target.pathname.endsWith('.html')) {
          const response = await page.request.get(pageUrl)
          if (response.status() !== 200) broken.push(`${pageUrl} (from ${url}): HTTP ${response.status()}`)
        } else queue.push(pageUrl)
      }
    }
    for (const { from, to } of linksFrom) {
      const target = new URL(to)
      const ids = idsByPage.get(`${target.origin}${target.pathname}`)
      const id = decodeURIComponent(target.hash.slice(1))
      if (ids && id !== '' && !ids.has(id)) broken.push(`${to} (from ${from}): no element #${id}`)
    }
    console.log(`docs site crawl: ${idsByPage.size} pages, ${linksFrom.length} internal links`)
    expect(idsByPage.size).toBeGreaterThan(30)
    expect([...new Set(broken)]).toEqual([])
  }, 300_000)

  it.each(['en', 'zh-CN'] as const)('every %s docsUrl the SDK produces lands on its code', async (locale) => {
    const urls = codes.map((code) => ({ code, url: docsUrlFor(code, { locale, docsBaseUrl: site.url }) }))
    const pages = new Set(urls.map(({ url }) => url.split('#')[0]!))
    expect([...pages]).toEqual([`${site.url}${locale === 'zh-CN' ? 'zh/' : ''}errors`])
    for (const pageUrl of pages) expect((await page.request.get(pageUrl)).status(), pageUrl).toBe(200)
    const missing: string[] = []
    for (const { code, url } of urls) {
      await page.goto(url) // after the first, a same-page jump to the anchor
      await page.locator('.VPContent').waitFor()
      const tag = await page.evaluate((id) => document.getElementById(id)?.tagName, code)
      if (tag !== 'H2') missing.push(`${url}: ${tag ?? 'no element with this id'}`)
    }
    await screenshot(`06-docs-url-${locale}-${codes.at(-1)}`)
    expect(missing).toEqual([])
  })
})
