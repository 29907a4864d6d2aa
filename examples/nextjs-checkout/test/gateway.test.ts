import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { gatewayEnv, gatewayFromEnv } from '../lib/gateway.js'

const jwk = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'd' }

describe('gatewayFromEnv', () => {
  it('is undefined without ECNY_GATEWAY_URL (the app then embeds a sandbox)', () => {
    expect(gatewayFromEnv({ ECNY_APP_ID: 'app_1' })).toBeUndefined()
  })

  it('refuses a gateway URL without the credential, naming what is missing', () => {
    expect(() => gatewayFromEnv({ ECNY_GATEWAY_URL: 'http://127.0.0.1:8787' })).toThrow(
      /ECNY_APP_ID and ECNY_PRIVATE_KEY/,
    )
  })

  it('reads a JWK key as JSON and a PEM key as text', () => {
    // Generated per run: no key, real or placeholder, is kept in the repository.
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString()
    const base = { ECNY_GATEWAY_URL: 'http://127.0.0.1:8787', ECNY_APP_ID: 'app_1' }
    expect(gatewayFromEnv({ ...base, ECNY_PRIVATE_KEY: JSON.stringify(jwk), ECNY_KEY_ID: 'k1' })).toEqual({
      url: 'http://127.0.0.1:8787',
      credentials: { appId: 'app_1', privateKey: jwk, kid: 'k1' },
      embedded: false,
    })
    expect(gatewayFromEnv({ ...base, ECNY_PRIVATE_KEY: pem, ECNY_MERCHANT_ID: 'mch_1' })).toEqual({
      url: 'http://127.0.0.1:8787',
      credentials: { appId: 'app_1', privateKey: pem },
      merchantId: 'mch_1',
      embedded: false,
    })
  })

  it('reads back what gatewayEnv writes for a sandbox', () => {
    const sandbox = {
      url: 'http://127.0.0.1:9999',
      credentials: { appId: 'app_sandbox', kid: 'kid_1', privateKey: jwk },
      merchantId: 'mch_9',
    }
    expect(gatewayFromEnv(gatewayEnv(sandbox))).toEqual({
      url: sandbox.url,
      credentials: { appId: 'app_sandbox', privateKey: jwk, kid: 'kid_1' },
      merchantId: 'mch_9',
      embedded: false,
    })
  })
})
