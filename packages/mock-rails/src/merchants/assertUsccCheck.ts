import { computeUsccCheckChar, isValidUscc } from '@ecny/sdk-core/internal'
import { invalidField } from './invalidField.js'

/**
 * Refuses a USCC whose check character is wrong, unless the caller says it is registered anyway
 * (`allowInvalidUsccCheck`, on merchant applications and corporate wallets alike).
 */
export function assertUsccCheck(uscc: string, allowInvalid: boolean, path = 'uscc'): void {
  if (allowInvalid || isValidUscc(uscc)) return
  throw invalidField(
    path,
    `check character is ${uscc[17]} but should be ${computeUsccCheckChar(uscc.slice(0, 17))}; if the code is registered anyway, send allowInvalidUsccCheck: true`,
  )
}
