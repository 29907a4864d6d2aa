import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { computeResidentIdCheckChar } from '../ids/isValidResidentId.js'
import { createLogger, type LogSink, noopLogger } from './logger.js'

function captureSink() {
  const lines: unknown[][] = []
  const record =
    (level: string) =>
    (...args: unknown[]) =>
      lines.push([level, ...args])
  const sink: LogSink = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  }
  return { sink, lines }
}

const randomDigits = (n: number) => Array.from(randomBytes(n), (byte) => byte % 10).join('')

describe('createLogger', () => {
  it('never lets secrets or unmasked identifiers reach the sink', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair
    const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey)
    const { privateKey: pem } = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    })
    const pemBody = pem.split('\n')[1]!
    const token = `ct_${randomBytes(24).toString('base64url')}`
    const first17 = `110105${'19900307'}${randomDigits(3)}`
    const idNumber = first17 + computeResidentIdCheckChar(first17)
    const mobile = `139${randomDigits(8)}`
    const walletId = `0022${randomDigits(12)}`

    const { sink, lines } = captureSink()
    const logger = createLogger({ level: 'debug', sink })
    logger.debug(`signing with ${pem} for ${mobile}`, {
      credentials: { appId: 'app_1', privateKey: jwk },
      key: jwk,
      pem,
      headers: { Authorization: `Bearer ${token}` },
      payer: { idNumber, mobile, walletId },
      note: `holder ${idNumber} wallet ${walletId} token Bearer ${token}`,
    })
    logger.error(`refused ${idNumber}`)

    const output = JSON.stringify(lines)
    for (const secret of [jwk.d!, pemBody, token, idNumber, mobile, walletId])
      expect(output).not.toContain(secret)
    expect(output).toContain(`${mobile.slice(0, 3)}****${mobile.slice(-4)}`)
    expect(output).toContain(`${walletId.slice(0, 6)}******${walletId.slice(-4)}`)
    expect(output).toContain(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`)
    expect(output).toContain(jwk.x!) // public parts stay useful for debugging
    expect(output).toContain('app_1')
    expect(lines).toHaveLength(2)
  })

  it('filters by level', () => {
    const { sink, lines } = captureSink()
    const logger = createLogger({ level: 'warn', sink })
    logger.debug('d')
    logger.info('i')
    logger.warn('w')
    logger.error('e', { status: 500 })
    expect(lines).toEqual([
      ['warn', 'w'],
      ['error', 'e', { status: 500 }],
    ])

    const silent = captureSink()
    const quiet = createLogger({ level: 'silent', sink: silent.sink })
    quiet.error('e')
    expect(silent.lines).toEqual([])
  })

  it('defaults to info on the console', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {})
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {})
    try {
      const logger = createLogger()
      logger.debug('hidden')
      logger.info('shown 13812341234')
      expect(debug).not.toHaveBeenCalled()
      expect(info).toHaveBeenCalledWith('shown 138****1234')
    } finally {
      info.mockRestore()
      debug.mockRestore()
    }
  })

  it('rejects an unknown level and survives a throwing sink', () => {
    expect(() => createLogger({ level: 'verbose' as 'info' })).toThrow(
      expect.objectContaining({ code: 'invalid_request' }),
    )
    const boom = () => {
      throw new Error('sink down')
    }
    const logger = createLogger({ sink: { debug: boom, info: boom, warn: boom, error: boom } })
    expect(() => logger.error('still fine')).not.toThrow()
  })
})

describe('noopLogger', () => {
  it('accepts calls and does nothing', () => {
    expect(() => noopLogger.error('x', { a: 1 })).not.toThrow()
  })
})
