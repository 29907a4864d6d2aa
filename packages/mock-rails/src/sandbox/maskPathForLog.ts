import { maskWalletId } from '../support/mask.js'

/** Log-safe path: 16-digit wallet ids masked (`009900******0001`), tokens never appear in paths. */
export function maskPathForLog(path: string): string {
  return path.replace(/\b\d{16}\b/g, maskWalletId)
}
