import { weierstrass } from '@noble/curves/abstract/weierstrass.js'

/** The SM2 curve (GM/T 0003.5-2012), on noble's generic short-Weierstrass arithmetic. */
export const sm2Curve = {
  p: 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn,
  a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
  b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  n: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
  h: 1n,
  Gx: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  Gy: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
}

export const Sm2Point = weierstrass(sm2Curve)
export type Sm2Point = InstanceType<typeof Sm2Point>

const { n } = sm2Curve

export const modN = (value: bigint): bigint => {
  const r = value % n
  return r < 0n ? r + n : r
}

/** A uniformly random scalar in [1, n-1] (48 random bytes reduced, so the bias is below 2^-128). */
export function randomScalar(): bigint {
  const bytes = crypto.getRandomValues(new Uint8Array(48))
  let value = 0n
  for (const byte of bytes) value = (value << 8n) | BigInt(byte)
  return (value % (n - 1n)) + 1n
}
