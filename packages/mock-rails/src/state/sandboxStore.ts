import { type CmbDoorState, createCmbDoorState } from '../cmb/cmbDoorState.js'
import type { CmbGatewayKeys } from '../cmb/cmbGatewayKeys.js'
import type { CmbNotificationRecord } from '../cmb/cmbOutbox.js'
import type { CmbTestCredentials } from '../cmb/seedCmbMerchant.js'
import type { DemoAppCredentials, Rails, RailsSnapshot } from '../createRails.js'
import type { IdempotencyRecord } from '../http/idempotencyStore.js'
import type { NotificationRecord } from '../notifications/notificationOutbox.js'
import {
  createDurableRecords,
  type DurableRecords,
  type DurableSection,
  joinChunks,
} from './durableRecords.js'
import { railsInternalsOf } from './railsInternals.js'
import { decodeMaps, encodeMaps } from './snapshotCodec.js'
import { openSqliteRecords } from './sqlite/openSqliteRecords.js'

/** Who the sandbox is: the demo app and merchant it prints, and the CMB merchant with `dialect: 'cmb'`. */
export type SandboxIdentity = {
  credentials: DemoAppCredentials
  merchantId: string
  cmb?: Omit<CmbTestCredentials, 'gatewayPublicKey'>
}

export type SandboxStore = {
  /** The saved identity, or `undefined` for a new file. */
  identity: SandboxIdentity | undefined
  /** Puts the saved rails (state, keys, apps, notifications, idempotency records) into `rails`. */
  restoreRails(rails: Rails): void
  /** The CMB door's saved state and gateway keys (empty state and no keys for a new file). */
  cmbDoor(): { state: CmbDoorState; gatewayKeys: CmbGatewayKeys | undefined }
  /** Starts saving: from now on `commit()` writes what changed, one transaction each time. */
  attach(parts: {
    rails: Rails
    identity: SandboxIdentity
    cmb?: { state: CmbDoorState; gatewayKeys: CmbGatewayKeys }
  }): DurableRecords
  close(): void
}

/** Maps of the rails state whose values are histories or id lists that only grow. */
const appendOnlyMaps = new Set([
  'transactions',
  'tapLines',
  'transfersByWallet',
  'refundsByOrder',
  'campaignClaimsByCampaign',
  'campaignClaimsByWallet',
])

const notificationVersion = (record: NotificationRecord | CmbNotificationRecord) =>
  `${record.status}|${record.attempts.length}|${record.nextAttemptAt}`

/**
 * The durable sandbox's file: SQLite rows for every part of the rails state (each map of the engine,
 * campaigns and merchant domain entry by entry, the ledger's accounts, counters, gateway keys, apps,
 * the notification outbox, idempotency records), the CMB door's state and the sandbox's identity.
 *
 * @example
 * const store = await openSandboxStore('.sandbox-state.db')
 * if (store.identity) store.restoreRails(rails)
 * const durable = store.attach({ rails, identity })
 * durable.commit() // after every request, before answering
 */
export async function openSandboxStore(file: string): Promise<SandboxStore> {
  const records = await openSqliteRecords(file)
  const saved = records.readAll()
  const rowsOf = (section: string) => saved.get(section) ?? new Map<string, string>()
  const mapOf = (section: string) =>
    new Map([...rowsOf(section)].map(([key, json]) => [key, decodeMaps(JSON.parse(json))]))
  const docOf = <T>(section: string): T | undefined => {
    const json = rowsOf(section).get('')
    return json === undefined ? undefined : (decodeMaps(JSON.parse(json)) as T)
  }

  return {
    identity: docOf<SandboxIdentity>('sandbox'),
    restoreRails(rails) {
      const { state, idempotency } = railsInternalsOf(rails)
      const loaded: Record<string, unknown> = {}
      for (const [key, live] of Object.entries(state)) {
        if (key === 'ledger') {
          loaded.ledger = {
            accounts: mapOf('rails.ledger.accounts'),
            entryCount: docOf<number>('rails.ledger.entryCount') ?? 0,
          }
        } else if (appendOnlyMaps.has(key)) loaded[key] = joinChunks(rowsOf(`rails.${key}`))
        else loaded[key] = live instanceof Map ? mapOf(`rails.${key}`) : docOf(`rails.${key}`)
      }
      const notifications = [...mapOf('notifications').values()] as NotificationRecord[]
      const snapshot: RailsSnapshot = {
        version: 1,
        clock: Date.now(),
        randomState: docOf<number>('rails.random') ?? 0,
        state: encodeMaps(loaded),
        gatewayKeys: docOf('rails.gatewayKeys') ?? [],
        apps: docOf('rails.apps') ?? [],
        notifications: {
          counter: docOf<number>('notifications.counter') ?? 0,
          pending: notifications.filter((record) => record.status === 'pending'),
          history: notifications.filter((record) => record.status !== 'pending'),
        },
      }
      rails.restore(snapshot)
      // Oldest first: the store forgets expired records from the front.
      const keyed = [...mapOf('idempotency')] as Array<[string, IdempotencyRecord]>
      keyed.sort(([, a], [, b]) => a.createdAt - b.createdAt)
      for (const [key, record] of keyed) idempotency.records.set(key, record)
    },
    cmbDoor() {
      const state = createCmbDoorState()
      for (const [key, live] of Object.entries(state)) {
        if (live instanceof Map) for (const [k, v] of mapOf(`cmb.${key}`)) live.set(k, v as never)
      }
      Object.assign(state.counters, docOf('cmb.counters'))
      return { state, gatewayKeys: docOf<CmbGatewayKeys>('cmb.gatewayKeys') }
    },
    attach({ rails, identity, cmb }) {
      const { state, random, keys, apps, outbox, idempotency } = railsInternalsOf(rails)
      const sections: DurableSection[] = [{ kind: 'doc', name: 'sandbox', read: () => identity }]
      for (const [key, live] of Object.entries(state)) {
        if (key === 'ledger') {
          sections.push(
            { kind: 'map', name: 'rails.ledger.accounts', map: state.ledger.accounts },
            { kind: 'doc', name: 'rails.ledger.entryCount', read: () => state.ledger.entryCount },
          )
        } else if (live instanceof Map) {
          sections.push({ kind: 'map', name: `rails.${key}`, map: live, appendOnly: appendOnlyMaps.has(key) })
        } else sections.push({ kind: 'doc', name: `rails.${key}`, read: () => state[key as 'counters'] })
      }
      sections.push(
        { kind: 'doc', name: 'rails.random', read: () => random.state() },
        { kind: 'doc', name: 'rails.gatewayKeys', read: () => keys.export() },
        { kind: 'doc', name: 'rails.apps', read: () => apps.export() },
        { kind: 'doc', name: 'notifications.counter', read: () => outbox.export().counter },
        {
          kind: 'list',
          name: 'notifications',
          read: () => {
            const { pending, history } = outbox.export()
            return [...pending, ...history]
          },
          version: notificationVersion,
        },
        {
          kind: 'map',
          name: 'idempotency',
          map: idempotency.records,
          iterationChangesNothing: true,
          // A claim still in progress is not an answer: after a crash the request may be sent again.
          keep: (record: IdempotencyRecord) => record.response !== null,
        },
      )
      if (cmb) {
        for (const [key, live] of Object.entries(cmb.state)) {
          if (live instanceof Map) {
            sections.push({
              kind: 'map',
              name: `cmb.${key}`,
              map: live,
              ...(key === 'notifications' && { version: notificationVersion }),
            })
          }
        }
        sections.push(
          { kind: 'doc', name: 'cmb.counters', read: () => cmb.state.counters },
          { kind: 'doc', name: 'cmb.gatewayKeys', read: () => cmb.gatewayKeys },
        )
      }
      return createDurableRecords(records, sections, saved)
    },
    close: () => records.close(),
  }
}
