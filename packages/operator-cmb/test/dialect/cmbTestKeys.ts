import { sm2PublicKeyFromPrivateKey } from '../../src/index.js'
import { merchantPrivateKeyHex, merchantPublicKey } from '../cmbVectors.js'

/** A stand-in gateway key pair (CMB keeps its private key), and the published merchant test key. */
export const gatewayPrivateKey = '3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8'
export const gatewayPublicKey = sm2PublicKeyFromPrivateKey(gatewayPrivateKey)
export { merchantPrivateKeyHex, merchantPublicKey }

export const testConfig = {
  appId: 'e315a8b5-45f6-4f96-b20a-0b586a2a96c6',
  secret: '6adca97f-c411-43cd-93ed-7f1aee829832',
  merId: '308999170120AAA',
  userId: 'N003363806',
  privateKey: merchantPrivateKeyHex,
  gatewayPublicKey,
  environment: 'test',
} as const
