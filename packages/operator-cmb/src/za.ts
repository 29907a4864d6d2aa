import { bigintToBytes } from './bytes.js'
import { type Sm2Point, sm2Curve } from './curve.js'
import { sm3Digest } from './sm3.js'

const curveBytes = [sm2Curve.a, sm2Curve.b, sm2Curve.Gx, sm2Curve.Gy].map((value) => bigintToBytes(value))

/** Z_A = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA) (GM/T 0003.2 §5.5): binds the signer's ID and key. */
export function computeZa(publicPoint: Sm2Point, userId: Uint8Array): Uint8Array {
  const bits = userId.length * 8
  const { x, y } = publicPoint.toAffine()
  return sm3Digest(
    Uint8Array.of(bits >> 8, bits & 0xff),
    userId,
    ...curveBytes,
    bigintToBytes(x),
    bigintToBytes(y),
  )
}
