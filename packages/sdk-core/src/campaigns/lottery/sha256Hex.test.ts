import { afterEach, describe, expect, it, vi } from 'vitest'
import { sha256Hex } from './sha256Hex.js'

describe('sha256Hex', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('hashes UTF-8 text (FIPS 180-2 vector, and CJK)', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(await sha256Hex('数字人民币')).toMatch(/^[0-9a-f]{64}$/)
  })

  it('says what to do where Web Crypto is missing', async () => {
    vi.stubGlobal('crypto', undefined)
    await expect(sha256Hex('abc')).rejects.toMatchObject({ code: 'insecure_environment' })
  })
})
