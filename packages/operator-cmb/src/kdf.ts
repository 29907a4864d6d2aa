import { sm3Digest } from './sm3.js'

/** GM/T 0003.4 §5.4.3 KDF: SM3(z ‖ counter) for counter = 1, 2, …, cut to `length` bytes. */
export function sm3Kdf(z: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length)
  const counter = new Uint8Array(4)
  const view = new DataView(counter.buffer)
  for (let offset = 0, i = 1; offset < length; offset += 32, i++) {
    view.setUint32(0, i)
    out.set(sm3Digest(z, counter).subarray(0, Math.min(32, length - offset)), offset)
  }
  return out
}
