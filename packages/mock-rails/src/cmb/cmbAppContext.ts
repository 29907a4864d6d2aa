import { parseBizContent, sm2Decrypt, sm2Encrypt, sm4DecryptCbc, sm4EncryptCbc } from '@ecny/operator-cmb'
import type { Order } from '@ecny/protocol'
import type { CmbDoorState } from './cmbDoorState.js'
import { generateCmbGatewayKeys } from './cmbGatewayKeys.js'

/** The simulated e-CNY app operator's SM2 key that CMB encrypts app orders to, by its serial (`ncrptnSN`). */
export type CmbAppKeyRecord = { privateKey: string; publicKey: string }

/** §4.17 `transactionType`s that answer a context for the wallet app instead of a QR code. */
export const cmbAppTransactionTypes = ['TT03', 'TT04', 'TT13'] as const

/**
 * The sandbox's receiving institution code (`cdtrPtyId`, String(14)): a placeholder of the right
 * length, not a real institution's code.
 */
export const sandboxCreditorPartyId = 'SBXCMBECNY0001'

/** What the sandbox puts in `encryptInfo` (CMB does not publish its content; this is the sandbox's choice). */
export type CmbAppOrderInfo = {
  cmbOrderId: string
  orderId: string
  mrchntNo: string
  txnAmt: string
  currencyCode: '156'
  goodsName: string
  orderTimeExpire: string
}

/** The one key the door seals to (made on first use and kept in the door's state, so it survives a restart). */
function currentKey(state: CmbDoorState): { serial: string; key: CmbAppKeyRecord } {
  const newest = [...state.appKeys.entries()].at(-1)
  if (newest) return { serial: newest[0], key: newest[1] }
  const serial = `SBX${String(state.appKeys.size + 1).padStart(7, '0')}`
  const key = generateCmbGatewayKeys()
  state.appKeys.set(serial, key)
  return { serial, key }
}

/**
 * CMB's answer for an app order (§4.17 返回参数, transactionType TT03/TT04/TT13): `invokeUrl` and
 * `context` {`cdtrPtyId`, `mrchntNo`, `encryptKey`, `encryptInfo`, `ncrptnSN`}. As the rest of the
 * door encrypts: the order info SM4-CBC under a fresh key (`encryptInfo`, base64), that key
 * SM2-encrypted to the wallet operator's key (`encryptKey`, base64 DER), named by its serial.
 */
export function sealCmbAppContext(
  state: CmbDoorState,
  order: Order,
  merId: string,
  orderTimeExpire: string,
): { invokeUrl: string; context: Record<string, string> } {
  const { serial, key } = currentKey(state)
  const info: CmbAppOrderInfo = {
    cmbOrderId: order.id,
    orderId: order.merchantOrderNo,
    mrchntNo: merId,
    txnAmt: String(order.amount),
    currencyCode: '156',
    goodsName: order.description,
    orderTimeExpire,
  }
  const contentKey = crypto.getRandomValues(new Uint8Array(16))
  return {
    invokeUrl: `ecnysandbox://pay?cmbOrderId=${encodeURIComponent(order.id)}`,
    context: {
      cdtrPtyId: sandboxCreditorPartyId,
      mrchntNo: merId,
      encryptKey: sm2Encrypt(contentKey, key.publicKey),
      encryptInfo: sm4EncryptCbc(JSON.stringify(info), contentKey),
      ncrptnSN: serial,
    },
  }
}

/**
 * What the wallet app would read from a context: the order info, decrypted with the key its serial
 * names. `undefined` for a serial the door never issued or a context that does not decrypt.
 *
 * @example
 * const info = openCmbAppContext(door.state, { encryptKey, encryptInfo, ncrptnSN })
 */
export function openCmbAppContext(
  state: CmbDoorState,
  context: { encryptKey: string; encryptInfo: string; ncrptnSN: string },
): CmbAppOrderInfo | undefined {
  const key = state.appKeys.get(context.ncrptnSN)
  if (!key) return undefined
  try {
    return parseBizContent(
      sm4DecryptCbc(context.encryptInfo, sm2Decrypt(context.encryptKey, key.privateKey)),
    ) as CmbAppOrderInfo
  } catch {
    return undefined
  }
}
