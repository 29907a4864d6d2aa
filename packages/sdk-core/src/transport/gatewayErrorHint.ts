import type { ErrorMessage } from '../errors/errorMessage.js'
import { capsSetByCompany, subWalletIsClosed } from '../errors/messagesEn.js'

/**
 * The catalogue hint for a gateway error whose details say more than its code: a corporate
 * sub-wallet's cap (`capsSetBy: 'parent'`) is changed by its company, never by upgrading a level; a
 * closed one (`parentWalletId`) is replaced by its company. `undefined`: the code's own hint applies.
 *
 * @example
 * gatewayErrorHint('limit_exceeded', { cap: 'daily', capsSetBy: 'parent' }) // capsSetByCompany
 */
export function gatewayErrorHint(
  code: string,
  details: Record<string, unknown> | undefined,
): ErrorMessage | undefined {
  if (!details) return undefined
  if (code === 'limit_exceeded' && details.capsSetBy === 'parent') return capsSetByCompany
  if (code === 'wallet_closed' && typeof details.parentWalletId === 'string') return subWalletIsClosed
  return undefined
}
