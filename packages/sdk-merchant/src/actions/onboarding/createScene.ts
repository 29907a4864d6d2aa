import { fareTable, operations, rideCodeRules } from '@ecny/protocol'
import {
  areaCodeSchema,
  type CallOptions,
  type ConflictError,
  deviceIdSchema,
  fenSchema,
  type NotFoundError,
  type RequestErrorType,
  type ResultUnknownError,
  type Scene,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId } from '../../internal/inputs.js'
import { merchantIdFor } from '../../internal/merchantIdFor.js'

const label = (noun: string, max: number) =>
  z
    .string({ error: `${noun} must be a string` })
    .check(
      z.trim(),
      z.minLength(1, { error: `${noun} must not be empty` }),
      z.maxLength(max, { error: `${noun} must be at most ${max} characters` }),
    )
const code = (noun: string) =>
  z
    .string({ error: `${noun} must be a string` })
    .check(z.regex(/^[A-Za-z0-9_-]{1,32}$/, { error: `${noun} must be 1–32 letters, digits, _ or -` }))

/** Offline (dual-offline, hardware wallet) payments are capped at ¥500 each (finextra 2023). */
export const maxOfflineTapAmount = 50_000

const common = {
  merchantId: z.optional(gatewayId('merchantId')),
  name: label('name', 64),
  /** GB/T 2260 area code of where the scene is, e.g. `110105`. */
  areaCode: areaCodeSchema,
}

const createSceneParameters = z.discriminatedUnion(
  'kind',
  [
    z.object({
      ...common,
      kind: z.literal('retail'),
      store: z.object({ address: label('store.address', 128) }),
    }),
    z.object({
      ...common,
      kind: z.literal('transit'),
      lines: z
        .array(z.object({ id: code('line id'), name: label('line name', 64) }))
        .check(z.minLength(1, { error: 'lines must name at least one line' })),
      stations: z.array(
        z.object({
          id: code('station id'),
          name: label('station name', 64),
          lineIds: z.array(code('line id')),
        }),
      ),
      /** Gates and TVMs, each an 8-character device id at a station. */
      gates: z.array(z.object({ id: deviceIdSchema, stationId: code('station id') })),
      /** Hardware-wallet taps that are debited later (deferred debit). */
      offlineTaps: z.optional(
        z.object({
          enabled: z.boolean(),
          /** Largest fare accepted offline, in fen. At most 50 000 (¥500). */
          maxAmount: z.optional(
            fenSchema.check(
              z.maximum(maxOfflineTapAmount, {
                error: 'offlineTaps.maxAmount must be at most 50000 fen (¥500)',
              }),
            ),
          ),
        }),
      ),
      /** Fare tables, one per line (distance or zone based, with a maximum fare): docs/transit.md. */
      fares: z.optional(z.array(fareTable)),
      /** The operator's rules for a missing entry or exit scan: docs/transit.md. */
      rideCodes: z.optional(rideCodeRules),
    }),
    z.object({
      ...common,
      kind: z.literal('government'),
      /** The collecting agency, e.g. 苏州市税务局. */
      agency: label('agency', 128),
      /** Kinds of bill collected here, e.g. `tax`, `social_insurance`, `fine`. */
      billTypes: z
        .array(code('bill type'))
        .check(z.minLength(1, { error: 'billTypes must name at least one bill type' })),
    }),
    z.object({
      ...common,
      kind: z.literal('utility'),
      utilityTypes: z.array(z.enum(['water', 'electricity', 'gas', 'heating', 'telecom'])).check(
        z.minLength(1, {
          error: 'utilityTypes must name at least one of water, electricity, gas, heating, telecom',
        }),
      ),
    }),
  ],
  { error: 'kind must be one of retail, transit, government, utility' },
)

export type CreateSceneParameters = z.input<typeof createSceneParameters>
export type CreateSceneReturnType = Scene
/** What createScene can throw: see each code in docs/errors.md. */
export type CreateSceneErrorType = NotFoundError | ConflictError | ResultUnknownError | RequestErrorType

/**
 * Registers where an approved merchant takes payments:
 * - `retail`: a store (address, area code), then terminals and static or dynamic QR codes;
 * - `transit`: lines, stations, gates, and whether hardware-wallet taps are accepted offline for a
 *   deferred debit (upload them with `uploadTapBatch`);
 * - `government`: the agency and the bill types it collects (`createGovBill`);
 * - `utility`: water, electricity, gas, heating, telecom.
 *
 * @example
 * const store = await createScene(client, {
 *   kind: 'retail', name: '三里屯店', areaCode: '110105', store: { address: '北京市朝阳区三里屯路19号' },
 * })
 */
export async function createScene(
  client: MerchantBaseClient,
  parameters: CreateSceneParameters,
  options: CallOptions = {},
): Promise<CreateSceneReturnType> {
  const input = parseInput(createSceneParameters, parameters, 'scene')
  const { merchantId: named, kind, name, areaCode, ...settings } = input
  const merchantId = merchantIdFor(client, named, true)
  return client.request({
    ...fromOperation(operations.createScene, { id: merchantId }),
    body: { kind, name, areaCode, settings },
    ...options,
  })
}
