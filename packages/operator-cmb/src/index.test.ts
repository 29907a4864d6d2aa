import { expect, it } from 'vitest'
import * as entry from './index.js'

it('exports exactly the public surface (a change here is a change to the public API)', () => {
  expect(Object.keys(entry).sort()).toMatchInlineSnapshot(`
    [
      "cmbApiSign",
      "createSm2Signer",
      "createSm2Verifier",
      "defaultUserId",
      "sm2Decrypt",
      "sm2Encrypt",
      "sm2PublicKeyFromPrivateKey",
      "sm2Sign",
      "sm2Verify",
      "sm3",
      "sm4DecryptCbc",
      "sm4EncryptCbc",
    ]
  `)
})
