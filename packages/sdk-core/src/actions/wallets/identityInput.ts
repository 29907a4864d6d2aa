/** Identity fields shared by `openWallet` and `upgradeWallet`. Not part of the public surface. */

import type { WalletLevel } from '@ecny/protocol'
import * as z from 'zod/mini'
import { bankCardSchema, residentIdSchema } from '../../ids/schemas.js'
import { nameSchema } from '../inputs.js'

export const identityShape = {
  /** Real name as on the resident ID card (WL03 and up). */
  name: z.optional(nameSchema),
  /** 18-character resident ID number (WL03 and up). */
  idNumber: z.optional(residentIdSchema),
  /** A bank card in the holder's own name (WL02 and up). */
  bankCard: z.optional(
    z.object(
      { number: bankCardSchema, holderName: nameSchema },
      { error: 'bankCard must be { number, holderName }' },
    ),
  ),
  /** Proof of an in-person check at a bank counter (WL01). */
  counterVerification: z.optional(
    z.object({
      branchId: z.string().check(z.minLength(1, { error: 'branchId must not be empty' }), z.maxLength(32)),
    }),
  ),
}

type IdentityInput = {
  name?: string | undefined
  idNumber?: string | undefined
  bankCard?: { number: string; holderName: string } | undefined
  counterVerification?: { branchId: string } | undefined
}

/** What each level needs on top of a mobile number, cumulatively (DOMAIN.md §2). */
export const identityByLevel: Record<WalletLevel, ReadonlyArray<keyof IdentityInput>> = {
  WL04: [],
  WL03: ['name', 'idNumber'],
  WL02: ['name', 'idNumber', 'bankCard'],
  WL01: ['name', 'idNumber', 'bankCard', 'counterVerification'],
}

const levelNames: Record<WalletLevel, string> = {
  WL04: 'an anonymous WL04',
  WL03: 'a real-name WL03',
  WL02: 'a WL02 (bank-linked)',
  WL01: 'a WL01 (verified at a bank counter)',
}

type Ctx = { addIssue(issue: { code: 'custom'; message: string; path: PropertyKey[]; input: unknown }): void }

/** A bank card must be in the holder's own name. */
export function requireSameName(input: IdentityInput, ctx: Ctx): void {
  if (input.bankCard && input.name !== undefined && input.bankCard.holderName !== input.name) {
    ctx.addIssue({
      code: 'custom',
      message: 'must equal name: the linked card must be in the holder’s own name',
      path: ['bankCard', 'holderName'],
      input: input.bankCard.holderName,
    })
  }
}

/** Adds an issue for every identity field the level needs and the input lacks. */
export function requireIdentityFor(level: WalletLevel, input: IdentityInput, ctx: Ctx): void {
  for (const field of identityByLevel[level]) {
    if (input[field] === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `required for ${levelNames[level]} wallet`,
        path: [field],
        input: undefined,
      })
    }
  }
  requireSameName(input, ctx)
}
