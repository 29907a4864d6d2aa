import { createSm2Verifier, type Sm2Verifier } from '@ecny/operator-cmb'

/** A merchant registered with the simulated CMB gateway: its credentials and its rails merchant. */
export type CmbMerchantRegistration = {
  appId: string
  secret: string
  /** CMB's merchant number (`merId`). */
  merId: string
  /** The rails merchant whose orders and ledger it uses. */
  merchantId: string
  /** The merchant's SM2 public key (base64 SPKI, PEM or hex). */
  publicKey: string
}

export type CmbMerchant = CmbMerchantRegistration & { verify: Sm2Verifier }

/** The CMB door's merchants, by APP ID (requests) and by `merId` (notifications). */
export function createCmbMerchants() {
  const byAppId = new Map<string, CmbMerchant>()
  return {
    register(registration: CmbMerchantRegistration): CmbMerchant {
      const merchant = { ...registration, verify: createSm2Verifier(registration.publicKey) }
      byAppId.set(registration.appId, merchant)
      return merchant
    },
    byAppId: (appId: string) => byAppId.get(appId),
    byMerId: (merId: string) => [...byAppId.values()].find((m) => m.merId === merId),
  }
}

export type CmbMerchants = ReturnType<typeof createCmbMerchants>
