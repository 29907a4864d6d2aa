import type { Rails } from '../createRails.js'
import type { SeedMerchantParameters } from '../engine/seedMerchant.js'
import { generateCmbGatewayKeys } from './cmbGatewayKeys.js'
import type { CmbDoor } from './createCmbDoor.js'

/** What a merchant needs for `cmb({...})` against the CMB door (plus `environment`: the door's base URL). */
export type CmbTestCredentials = {
  appId: string
  secret: string
  merId: string
  /** 64 hex digits, as CMB issues merchant keys. */
  privateKey: string
  /** The door's gateway key, base64 SPKI. */
  gatewayPublicKey: string
  /** The rails merchant behind it. */
  merchantId: string
}

/**
 * Seeds an approved rails merchant and registers it with the CMB door under fresh CMB credentials
 * (APP ID, secret, `merId`, an SM2 key pair made now).
 *
 * @example
 * const credentials = seedCmbMerchant(rails, door)
 * const client = createMerchantClient({ operator: cmb({ ...credentials, environment: baseUrl }) })
 */
export function seedCmbMerchant(
  rails: Rails,
  door: CmbDoor,
  params: SeedMerchantParameters & { appId?: string; merId?: string } = {},
): CmbTestCredentials {
  const { appId: wantedAppId, merId: wantedMerId, ...seed } = params
  const merchant = rails.seedMerchant(seed)
  const keys = generateCmbGatewayKeys()
  const random = () => crypto.randomUUID()
  const credentials = {
    appId: wantedAppId ?? random(),
    secret: random(),
    merId: wantedMerId ?? `3089991${String(merchant.id.replace(/\D/g, '')).padStart(8, '0')}`,
    privateKey: keys.privateKey,
    gatewayPublicKey: door.gatewayPublicKey,
    merchantId: merchant.id,
  }
  door.registerMerchant({ ...credentials, publicKey: keys.publicKey })
  return credentials
}
