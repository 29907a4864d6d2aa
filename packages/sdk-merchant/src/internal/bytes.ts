/** Byte helpers that run on every runtime (Web Crypto, `btoa`): no Node built-ins. */

/** Standard base64 (with padding) of `bytes`, in chunks so large inputs do not overflow the stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}
