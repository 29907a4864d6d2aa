import { describe, expect, it } from 'vitest'
import {
  cmb,
  cmbSignString,
  readReceivedFields,
  signCmbEnvelope,
  signCmbFields,
  sm2Sign,
  sm2Verify,
  writeFormFields,
} from '../../src/index.js'
import { gatewayPrivateKey, merchantPublicKey, testConfig } from './cmbTestKeys.js'

const operator = cmb(testConfig)
const biz = {
  merId: testConfig.merId,
  orderId: 'A-1',
  cmbOrderId: '100425010112000001',
  txnAmt: '1250',
  tradeState: 'S',
  txnTime: '20250101120000',
  endDate: '20250101',
  endTime: '120105',
  notifyUrl: 'https://shop.example/cmb/notify',
}
const signed = signCmbEnvelope(biz, gatewayPrivateKey, '1234567812345678')
const codeOf = (body: string) => {
  try {
    operator.parseNotification(body)
    return 'accepted'
  } catch (error) {
    return (error as { code: string }).code
  }
}

describe('CMB notifications', () => {
  it('URL-decodes, sorts and verifies the form, then reads the paid order', () => {
    const { event } = operator.parseNotification(writeFormFields(signed))
    expect(event).toMatchObject({
      id: 'cmb:order:A-1:succeeded',
      type: 'order.succeeded',
      data: {
        merchantOrderNo: 'A-1',
        status: 'succeeded',
        amount: 1250,
        paidAt: '2025-01-01T12:01:05+08:00',
      },
    })
    const reversed = Object.fromEntries(Object.entries(signed).reverse())
    expect(codeOf(writeFormFields(reversed))).toBe('accepted')
  })

  it('reads the flat form CMB sends (result fields beside the envelope, no tradeState: paid)', () => {
    const { tradeState: _state, ...paid } = biz
    const flat = signCmbFields(paid, gatewayPrivateKey)
    expect(flat.biz_content).toBeUndefined()
    const { event } = operator.parseNotification(writeFormFields(flat))
    expect(event).toMatchObject({ type: 'order.succeeded', data: { merchantOrderNo: 'A-1', amount: 1250 } })
    expect(codeOf(writeFormFields({ ...flat, txnAmt: '1' }))).toBe('signature_invalid')
    expect(codeOf(writeFormFields(signCmbFields({ ...paid, tradeState: 'F' }, gatewayPrivateKey)))).toBe(
      'accepted',
    )
  })

  it('rejects a form signed in its sent order instead of sorted, a tampered value, a repeated key, the wrong key', () => {
    const { sign: _sign, ...fields } = signed
    const unsortedOrder: Record<string, string> = {
      version: fields.version!,
      biz_content: fields.biz_content!,
      signMethod: fields.signMethod!,
      encoding: fields.encoding!,
    }
    const asSent = Object.entries(unsortedOrder)
      .map(([k, v]) => `${k}=${v}`)
      .join('&')
    expect(asSent).not.toBe(cmbSignString(unsortedOrder))
    const reordered = { ...unsortedOrder, sign: sm2Sign(asSent, gatewayPrivateKey) }
    expect(codeOf(writeFormFields(reordered))).toBe('signature_invalid')

    const tampered = { ...signed, biz_content: signed.biz_content!.replace('"1250"', '"1"') }
    expect(codeOf(writeFormFields(tampered))).toBe('signature_invalid')
    expect(codeOf(`${writeFormFields(signed)}&biz_content=%7B%7D`)).toBe('signature_invalid')
    expect(codeOf(writeFormFields(signCmbEnvelope(biz, testConfig.privateKey, '1234567812345678')))).toBe(
      'signature_invalid',
    )
  })

  it('the SUCCESS ack is signed with the merchant key', () => {
    const ack = operator.ack()
    expect(ack.status).toBe(200)
    const fields = readReceivedFields(ack.body)
    expect(fields).toMatchObject({ returnCode: 'SUCCESS', respCode: 'SUCCESS' })
    expect(sm2Verify(cmbSignString(fields), fields.sign!, merchantPublicKey)).toBe(true)
  })
})
