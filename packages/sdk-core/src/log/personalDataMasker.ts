import { maskBankCard, maskMobile, maskResidentId, maskWalletId } from './mask.js'

/** A key name lowercased, without `-`, `_` and spaces: `payer_Wallet-Id` → `payerwalletid`. */
export const normaliseKey = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '')

/**
 * The mask for a value stored under `key`, when the key names personal data: mobile/phone, a
 * wallet ID (any key ending in `walletId` or `walletIds`), a resident ID number, a bank card.
 *
 * @example
 * personalDataMasker('payerWalletId')?.('0022501234565081') // '002250******5081'
 * personalDataMasker('amount') // undefined
 */
export function personalDataMasker(key: string): ((value: string) => string) | undefined {
  const name = normaliseKey(key)
  if (/mobile|phone/.test(name)) return maskMobile
  if (/walletids?$/.test(name)) return maskWalletId
  if (/(idnumber|idno|idcard|idcardno|residentid|identitynumber|certno)$/.test(name)) return maskResidentId
  if (/(bankcard|bankcardno|cardnumber|cardno|accountno|accountnumber)$/.test(name)) return maskBankCard
  return undefined
}
