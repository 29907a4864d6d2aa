import * as z from 'zod/mini'
import { isValidGovPaymentCode } from '../../ids/govPaymentCode.js'

/** A 缴款码: 20 digits with a valid check digit, so a mistyped code is refused before sending. */
export const govPaymentCodeInput = z
  .string({ error: 'paymentCode must be the 20-digit 缴款码 on the notice' })
  .check(
    z.regex(/^\d{20}$/, { error: 'paymentCode must be the 20-digit 缴款码 on the notice' }),
    z.refine(isValidGovPaymentCode, {
      error: 'paymentCode fails its check digit: a digit is mistyped; copy it again from the notice',
    }),
  )

/** 执收单位编码: 6–20 letters or digits. */
export const govAgencyCodeInput = z
  .string({ error: 'agencyCode must be the 执收单位编码 printed next to the code' })
  .check(
    z.regex(/^[0-9A-Za-z]{6,20}$/, {
      error: 'agencyCode must be the 6–20 letter or digit 执收单位编码 printed next to the code',
    }),
  )
