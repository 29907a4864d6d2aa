import { toBytes } from './bytes.js'
import { invalidInput } from './errors.js'

/** GM/T 0009's default signer ID, which CMB uses. */
export const defaultUserId = '1234567812345678'

/** The user ID as bytes; its bit length must fit ENTL's two bytes. */
export function userIdBytes(userId: string | Uint8Array = defaultUserId): Uint8Array {
  const bytes = toBytes(userId)
  if (bytes.length * 8 > 0xffff)
    throw invalidInput(
      'SM2 userId (longer than 8191 bytes)',
      `Use the user ID your counterparty uses (CMB: ${defaultUserId}).`,
    )
  return bytes
}
