import type { Wallet } from '@ecny/protocol'
import { operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { ConflictError, ResultUnknownError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { uscc, usccCheckProblem } from '../../ids/schemas.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { anyMobileSchema, levelSchema, paymentPasswordSchema } from '../inputs.js'
import { identityShape, requireIdentityFor } from './identityInput.js'

function text(field: string, max: number) {
  return z
    .string({ error: `${field} must be a string` })
    .check(
      z.trim(),
      z.minLength(1, { error: `${field} must not be empty` }),
      z.maxLength(max, { error: `${field} must be at most ${max} characters` }),
    )
}

const tags = z.optional(z.array(text('tag', 64)).check(z.maxLength(50, { error: 'at most 50 tags' })))

const personal = z
  .object({
    type: z.literal('WT01'),
    level: levelSchema,
    mobile: anyMobileSchema,
    ...identityShape,
    tags,
    /** The holder's 6-digit payment password (the sandbox gives `123456` when it is left out). */
    paymentPassword: paymentPasswordSchema,
  })
  .check(z.superRefine((input, ctx) => requireIdentityFor(input.level, input, ctx)))

const corporate = z
  .object({
    type: z.literal('WT09'),
    // Shape here; the check character below, unless the caller vouches for a registered code.
    entity: z.object({ legalName: text('legalName', 128), uscc: uscc({ allowInvalidCheck: true }) }),
    allowInvalidUsccCheck: z.optional(z.boolean({ error: 'allowInvalidUsccCheck must be true or false' })),
    settlementAccount: z.object({
      accountNo: z
        .string({ error: 'accountNo must be a string' })
        .check(z.regex(/^[0-9]{6,32}$/, { error: 'accountNo must be 6–32 digits' })),
      accountName: text('accountName', 128),
    }),
    tags,
  })
  .check(
    z.superRefine((input, ctx) => {
      const problem = input.allowInvalidUsccCheck === true ? undefined : usccCheckProblem(input.entity.uscc)
      if (problem)
        ctx.addIssue({ code: 'custom', message: problem, path: ['entity', 'uscc'], input: input.entity.uscc })
    }),
    z.refine((input) => input.settlementAccount.accountName === input.entity.legalName, {
      path: ['settlementAccount', 'accountName'],
      error:
        'must equal entity.legalName exactly: the settlement account must be in the name on the business licence',
    }),
  )

const openWalletParameters = z.discriminatedUnion('type', [personal, corporate], {
  error: "type must be 'WT01' (personal) or 'WT09' (corporate)",
})

/**
 * A personal wallet (`type: 'WT01'`) at a `level`, with the identity that level needs, cumulatively:
 * WL04 `mobile` only · WL03 + `name` and resident `idNumber` · WL02 + a same-name
 * `bankCard: { number, holderName }` · WL01 + `counterVerification: { branchId }`.
 * Or a corporate wallet (`type: 'WT09'`) with `entity: { legalName, uscc }` and a
 * `settlementAccount: { accountNo, accountName }` whose name equals the legal name; a registered USCC
 * whose GB 32100-2015 check character fails needs `allowInvalidUsccCheck: true` (never a silent pass).
 */
export type OpenWalletParameters = z.input<typeof openWalletParameters>
export type OpenWalletReturnType = Wallet
/** What openWallet can throw: see each code in docs/errors.md. */
export type OpenWalletErrorType = ConflictError | ResultUnknownError | RequestErrorType

/**
 * Opens a wallet. Identity is checked locally first (the fields the level needs, the ID number's
 * check character and birth date, the card's Luhn digit and holder name, the USCC check character,
 * the settlement account name), so a mistake fails with `invalid_request` before anything is sent.
 * The gateway then applies its own rules (e.g. one wallet per level per person: `wallet_exists`).
 *
 * @example
 * // Anonymous WL04: a mobile number is enough.
 * const w4 = await openWallet(client, { type: 'WT01', level: 'WL04', mobile: '13812341234' })
 * // Real-name WL03: name + resident ID number.
 * const w3 = await openWallet(client, {
 *   type: 'WT01', level: 'WL03', mobile: '13812341234', name: '张三', idNumber: '11010519491231002X',
 * })
 * // Corporate WT09, bound to a settlement account in the licence name.
 * const corp = await openWallet(client, {
 *   type: 'WT09',
 *   entity: { legalName: '示例科技有限公司', uscc: '91110108MA0000001D' },
 *   settlementAccount: { accountNo: '755912345610001', accountName: '示例科技有限公司' },
 * })
 */
export async function openWallet(
  client: EcnyBaseClient,
  parameters: OpenWalletParameters,
  options: CallOptions = {},
): Promise<OpenWalletReturnType> {
  const body = parseInput(openWalletParameters, parameters)
  return client.request({ ...fromOperation(operations.openWallet), body, ...options })
}
