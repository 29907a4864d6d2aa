import type { EcnyError } from '@ecny/sdk-core'
import { describe, expect, it } from 'vitest'
import { cmb, parseCmbConfig } from '../../src/index.js'
import { testConfig } from './cmbTestKeys.js'

const codeOf = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    return { code: (error as EcnyError).code, message: (error as EcnyError).message }
  }
  throw new Error('did not throw')
}

describe('cmb(config)', () => {
  it('resolves the environments to CMB hosts, or takes a base URL', () => {
    expect(parseCmbConfig(testConfig).origin).toBe('https://api.cmburl.cn:8065')
    expect(parseCmbConfig({ ...testConfig, environment: 'production' }).origin).toBe(
      'https://api.cmbchina.com',
    )
    expect(parseCmbConfig({ ...testConfig, environment: 'http://127.0.0.1:4010/' }).origin).toBe(
      'http://127.0.0.1:4010',
    )
    expect(cmb(testConfig).name).toBe('cmb')
  })

  it('refuses a bad configuration with invalid_request naming the field', () => {
    expect(codeOf(() => cmb({ ...testConfig, merId: '' }))).toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('merId'),
    })
    expect(codeOf(() => cmb({ ...testConfig, environment: 'staging' as never }))).toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('environment'),
    })
    expect(codeOf(() => cmb({ ...testConfig, privateKey: 'not-a-key' }))).toMatchObject({
      code: 'invalid_request',
    })
    expect(codeOf(() => cmb({ ...testConfig, gatewayPublicKey: 'AAAA' }))).toMatchObject({
      code: 'invalid_request',
    })
  })
})
