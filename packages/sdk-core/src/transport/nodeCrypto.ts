/** The slice of `node:crypto` the transport uses when it runs on Node. */
export type NodeCrypto = {
  createHash(algorithm: 'sha256'): { update(data: Uint8Array): { digest(encoding: 'base64url'): string } }
  verify(
    algorithm: string | null,
    data: Uint8Array,
    key: { key: unknown; dsaEncoding?: 'ieee-p1363' } | unknown,
    signature: Uint8Array,
  ): boolean
  KeyObject: { from(key: CryptoKey): unknown }
}

/**
 * Node's crypto when the runtime has it: synchronous hashing and signature checks, with no thread
 * hop per call as WebCrypto takes. Found at run time (`process.getBuiltinModule`), so browser and edge
 * bundles never see a `node:` import and fall back to WebCrypto.
 */
export const nodeCrypto: NodeCrypto | undefined = (() => {
  const host = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
  return host.process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined
})()
