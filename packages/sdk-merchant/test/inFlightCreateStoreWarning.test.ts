import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { resetMemoryInFlightCreateStoreWarning } from '../src/actions/orders/defaultInFlightCreateStore.js'
import { createMemoryInFlightCreateStore, createMerchantClient } from '../src/index.js'

const clientConfig = {
  baseUrl: 'https://rails.test',
  credentials: { appId: 'app', privateKey: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'd' } },
  gatewayKeys: { keys: [] },
  notifications: { replayStore: false as const }, // its own warning: memoryReplayStoreWarning.test.ts
}

describe('the in-memory in-flight create store default under NODE_ENV=production', () => {
  let warn: ReturnType<typeof vi.spyOn>
  beforeEach(() => {
    resetMemoryInFlightCreateStoreWarning()
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  })
  afterEach(() => {
    vi.unstubAllEnvs()
    warn.mockRestore()
  })

  it('warns once per process, naming @ecny/store-redis and what a restart loses', () => {
    vi.stubEnv('NODE_ENV', 'production')
    createMerchantClient(clientConfig)
    createMerchantClient(clientConfig)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /in-flight creates.*in-memory default.*restart.*result_unknown.*@ecny\/store-redis/is,
    )
  })

  it('says nothing when a store is passed, or recording is off', () => {
    vi.stubEnv('NODE_ENV', 'production')
    createMerchantClient({ ...clientConfig, inFlightCreates: createMemoryInFlightCreateStore() })
    createMerchantClient({ ...clientConfig, inFlightCreates: false })
    expect(warn).not.toHaveBeenCalled()
  })

  it('says nothing outside production', () => {
    vi.stubEnv('NODE_ENV', 'development')
    createMerchantClient(clientConfig)
    expect(warn).not.toHaveBeenCalled()
  })
})
