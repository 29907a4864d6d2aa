import type { AppHandoffKey } from '@ecny/protocol/app-pay'

/** One wallet-operator key for app / H5 hand-offs, private part included (kept in snapshots). */
export type HandoffKeyRecord = { encryptionSN: string; privateJwk: JsonWebKey; publicJwk: JsonWebKey }

export type HandoffKeyRing = ReturnType<typeof createHandoffKeyRing>

/** The institution codes the sandbox answers with (operator-set on a live gateway). */
export const sandboxInstitutions = {
  acqAgtInstnId: 'ECNYSANDBOXACQ',
  creditorInstitutionId: 'ECNYSANDBOXOPR',
}

/**
 * The wallet operator's ECDH P-256 keys that merchants seal hand-offs to. The newest is handed out;
 * older ones still open what was sealed to them until dropped. Generated at run time, never committed.
 */
export function createHandoffKeyRing(saved: HandoffKeyRecord[] = []) {
  const keys: HandoffKeyRecord[] = [...saved]
  const imported = new Map<string, Promise<CryptoKey>>()
  let pending: Promise<HandoffKeyRecord> | undefined

  async function generate(): Promise<HandoffKeyRecord> {
    const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
      'deriveBits',
    ])) as CryptoKeyPair
    const record = {
      encryptionSN: `hk-${keys.length + 1}`,
      privateJwk: await crypto.subtle.exportKey('jwk', pair.privateKey),
      publicJwk: await crypto.subtle.exportKey('jwk', pair.publicKey),
    }
    keys.push(record)
    return record
  }

  /** The newest key; the first call generates one (overlapping first calls share it). */
  async function current(): Promise<HandoffKeyRecord> {
    const newest = keys.at(-1)
    if (newest) return newest
    pending ??= generate()
    return pending
  }

  return {
    /** What a merchant seals to: the newest key's serial and public JWK, and the institution codes. */
    async publicKey(): Promise<AppHandoffKey> {
      const { encryptionSN, publicJwk } = await current()
      return {
        encryptionSN,
        publicKey: { kty: 'EC', crv: 'P-256', x: publicJwk.x!, y: publicJwk.y! },
        ...sandboxInstitutions,
      }
    },
    /** The private key a serial names, or `undefined` for a serial this operator never issued. */
    privateKey(encryptionSN: string): Promise<CryptoKey> | undefined {
      const record = keys.find((key) => key.encryptionSN === encryptionSN)
      if (!record) return undefined
      let key = imported.get(encryptionSN)
      if (!key) {
        key = crypto.subtle.importKey(
          'jwk',
          record.privateJwk,
          { name: 'ECDH', namedCurve: 'P-256' },
          false,
          ['deriveBits'],
        )
        imported.set(encryptionSN, key)
      }
      return key
    },
    /** A new key becomes the one handed out; the old ones keep opening what was sealed to them. */
    async rotate(): Promise<{ encryptionSN: string }> {
      await current()
      pending = undefined
      return { encryptionSN: (await generate()).encryptionSN }
    },
    export: (): HandoffKeyRecord[] => keys.map((key) => ({ ...key })),
    load(saved: HandoffKeyRecord[]) {
      keys.splice(0, keys.length, ...saved)
      imported.clear()
      pending = undefined
    },
  }
}
