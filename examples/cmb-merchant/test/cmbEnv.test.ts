import { describe, expect, it } from 'vitest'
import { cmbSettingsFromEnv } from '../cmbEnv.js'

const complete = {
  CMB_APP_ID: 'app-1',
  CMB_SECRET: 'secret-1',
  CMB_MER_ID: '308999170120AAA',
  CMB_PRIVATE_KEY: 'D5F2AFA24E6BA9071B54A8C9AD735F9A1DE9C4657FA386C09B592694BC118B38',
  CMB_GATEWAY_PUBLIC_KEY:
    'MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE6Q+fktsnY9OFP+LpSR5Udbxf5zHCFO0PmOKlFNTxDIGl8jsPbbB/9ET23NV+acSz4FEkzD74sW2iiNVHRLiKHg==',
}

describe('the CMB settings from the environment', () => {
  it('no CMB_ variable: the CMB-dialect sandbox', () => {
    expect(cmbSettingsFromEnv({ PATH: '/usr/bin', PORT: '4343' })).toEqual({ target: 'sandbox' })
  })

  it("all five credentials: CMB's test host by default, production or a base URL when named", () => {
    const test = cmbSettingsFromEnv(complete)
    expect(test).toMatchObject({
      target: 'cmb',
      config: {
        appId: 'app-1',
        secret: 'secret-1',
        merId: '308999170120AAA',
        privateKey: complete.CMB_PRIVATE_KEY,
        gatewayPublicKey: complete.CMB_GATEWAY_PUBLIC_KEY,
        environment: 'test',
      },
    })
    expect(test.target === 'cmb' && 'userId' in test.config).toBe(false)
    expect(cmbSettingsFromEnv({ ...complete, CMB_ENVIRONMENT: 'production' })).toMatchObject({
      config: { environment: 'production' },
    })
    expect(
      cmbSettingsFromEnv({
        ...complete,
        CMB_BASE_URL: 'http://127.0.0.1:9000',
        CMB_USER_ID: 'U0001',
        CMB_SM2_USER_ID: 'ALICE123@YAHOO.COM',
      }),
    ).toMatchObject({
      config: { environment: 'http://127.0.0.1:9000', userId: 'U0001', sm2UserId: 'ALICE123@YAHOO.COM' },
    })
  })

  it('refuses a partial configuration, naming every missing variable', () => {
    const { CMB_SECRET: _s, CMB_PRIVATE_KEY: _k, ...partial } = complete
    expect(() => cmbSettingsFromEnv(partial)).toThrow(
      /CMB_SECRET and CMB_PRIVATE_KEY are missing.*set all of CMB_APP_ID, CMB_SECRET, CMB_MER_ID, CMB_PRIVATE_KEY and CMB_GATEWAY_PUBLIC_KEY.*or none/s,
    )
    expect(() => cmbSettingsFromEnv({ CMB_ENVIRONMENT: 'test' })).toThrow(
      /CMB_APP_ID, CMB_SECRET, CMB_MER_ID/,
    )
    expect(() => cmbSettingsFromEnv({ ...complete, CMB_SECRET: '  ' })).toThrow(/CMB_SECRET is missing/)
  })

  it('refuses a host named twice or an unknown environment', () => {
    expect(() =>
      cmbSettingsFromEnv({ ...complete, CMB_ENVIRONMENT: 'test', CMB_BASE_URL: 'http://127.0.0.1:9000' }),
    ).toThrow(/either CMB_ENVIRONMENT or CMB_BASE_URL, not both/)
    expect(() => cmbSettingsFromEnv({ ...complete, CMB_ENVIRONMENT: 'staging' })).toThrow(
      /CMB_ENVIRONMENT must be test or production, got "staging"/,
    )
  })
})
