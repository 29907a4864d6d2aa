import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createFetchNotificationHandler,
  createMemoryReplayStore,
  createMerchantClient,
  createNodeNotificationHandler,
} from '../src/index.js'
import { resetMemoryReplayStoreWarning } from '../src/notifications/defaultReplayStore.js'

const gatewayKeys = { keys: [] }
const handle = () => {}
const clientConfig = {
  baseUrl: 'https://rails.test',
  credentials: { appId: 'app', privateKey: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'd' } },
  gatewayKeys,
  inFlightCreates: false as const, // its own warning: inFlightCreateStoreWarning.test.ts
}

describe('the in-memory replay store default under NODE_ENV=production', () => {
  let warn: ReturnType<typeof vi.spyOn>
  beforeEach(() => {
    resetMemoryReplayStoreWarning()
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  })
  afterEach(() => {
    vi.unstubAllEnvs()
    warn.mockRestore()
  })

  it('warns once per process, naming @ecny/store-redis, however many handlers and clients use it', () => {
    vi.stubEnv('NODE_ENV', 'production')
    createNodeNotificationHandler({ gatewayKeys, handle })
    createFetchNotificationHandler({ gatewayKeys, handle })
    createMerchantClient(clientConfig)
    createMerchantClient(clientConfig)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /in-memory default.*several instances.*@ecny\/store-redis/is,
    )
  })

  it('the client default warns too', () => {
    vi.stubEnv('NODE_ENV', 'production')
    createMerchantClient(clientConfig)
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it('says nothing when a store is passed, or the store is off', () => {
    vi.stubEnv('NODE_ENV', 'production')
    createNodeNotificationHandler({ gatewayKeys, handle, replayStore: createMemoryReplayStore() })
    createFetchNotificationHandler({ gatewayKeys, handle, replayStore: false })
    createMerchantClient({ ...clientConfig, notifications: { replayStore: false } })
    expect(warn).not.toHaveBeenCalled()
  })

  it('says nothing outside production', () => {
    vi.stubEnv('NODE_ENV', 'development')
    createMerchantClient(clientConfig)
    createFetchNotificationHandler({ gatewayKeys, handle })
    expect(warn).not.toHaveBeenCalled()
  })
})
