import { type CreateRailsOptions, type Rails, railsHandlers } from '@ecny/mock-rails'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { createTestRails } from './testRails.js'

/** Where msw serves the rails in tests. */
export const railsUrl = 'https://rails.test'

export type RailsServer = {
  /** This test's rails (fresh before each test). */
  readonly rails: Rails
  /** The requests that reached the rails in this test, labelled by `label`. */
  readonly requests: string[]
}

export type RailsServerOptions = CreateRailsOptions & {
  /**
   * How a request is recorded in `requests`, or `undefined` to leave it out.
   * Default: `METHOD /path?query`, leaving out the JWKS fetch.
   */
  label?: (request: Request) => string | undefined
}

const defaultLabel = (request: Request) => {
  const url = new URL(request.url)
  return url.pathname === '/.well-known/jwks.json'
    ? undefined
    : `${request.method} ${url.pathname}${url.search}`
}

/**
 * Registers the vitest hooks that serve fresh in-process rails over msw at {@link railsUrl} for every
 * test of the file (unhandled requests fail the test). Call it at the top of a test file or a harness.
 *
 * @example
 * const served = serveRails({ seed: 7 })
 * it('opens a wallet', async () => {
 *   const credentials = await demoCredentials(served.rails)
 *   // …createClient({ baseUrl: railsUrl, credentials })…
 * })
 */
export function serveRails(options: RailsServerOptions = {}): RailsServer {
  const { label = defaultLabel, ...railsOptions } = options
  const server = setupServer()
  const requests: string[] = []
  let rails: Rails | undefined
  server.events.on('request:start', ({ request }) => {
    const seen = label(request)
    if (seen !== undefined) requests.push(seen)
  })
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())
  beforeEach(() => {
    rails = createTestRails(railsOptions)
    server.use(...railsHandlers(rails, { baseUrl: railsUrl }))
    requests.length = 0
  })
  afterEach(() => {
    server.resetHandlers()
    requests.length = 0
  })
  return {
    requests,
    get rails() {
      if (!rails) throw new Error('the rails exist only inside a test (serveRails creates them beforeEach)')
      return rails
    },
  }
}
