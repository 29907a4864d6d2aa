/**
 * Debian's Chromium for the real-browser tests, driven by playwright-core (it never downloads a
 * browser here; `node scripts/ensure-chromium.mjs` installs this one). Each session gets its own
 * throw-away profile, one page, and a `screenshot(name)` that writes `<artifacts>/<name>.png`.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'

export const chromiumPath = '/usr/bin/chromium'

/** Headless, no sandbox (containers), nothing that reaches beyond loopback. */
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
]

/** Where the test command keeps screenshots: `test-artifacts/<folder>/` at the repository root. */
export const artifactsDir = (folder: string) => resolve(import.meta.dirname, '../../test-artifacts', folder)

export type ChromiumSession = {
  context: BrowserContext
  page: Page
  /** A screenshot of `page` (the full page unless `fullPage: false`) into the artifacts folder. */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<void>
  /** Closes the browser and removes its profile. */
  close(): Promise<void>
}

/**
 * Starts Chromium with a fresh profile and one page.
 *
 * @example
 * const browser = await launchChromium({ artifacts: 'dashboard' })
 * await browser.page.goto(url)
 * await browser.screenshot('01-start')
 * await browser.close()
 */
export async function launchChromium(
  options: { artifacts?: string; viewport?: { width: number; height: number } } = {},
): Promise<ChromiumSession> {
  if (!existsSync(chromiumPath))
    throw new Error(`${chromiumPath} is missing: run \`node scripts/ensure-chromium.mjs\` first.`)
  const artifacts = artifactsDir(options.artifacts ?? 'browser')
  mkdirSync(artifacts, { recursive: true })
  const userDataDir = mkdtempSync(join(tmpdir(), 'ecny-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumFlags,
    ...(options.viewport ? { viewport: options.viewport } : {}),
  })
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    screenshot: async (name, { fullPage = true } = {}) => {
      await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage })
    },
    close: async () => {
      await context.close()
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}
