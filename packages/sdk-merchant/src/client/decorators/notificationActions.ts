import {
  type ExpressNotificationVerifier,
  expressVerifierFromContext,
} from '../../notifications/adapters/createExpressNotificationVerifier.js'
import {
  type FetchNotificationHandler,
  fetchHandlerFromContext,
} from '../../notifications/adapters/createFetchNotificationHandler.js'
import {
  type FetchNotificationVerifier,
  fetchVerifierFromContext,
} from '../../notifications/adapters/createFetchNotificationVerifier.js'
import {
  type NodeNotificationHandler,
  nodeHandlerFromContext,
} from '../../notifications/adapters/createNodeNotificationHandler.js'
import {
  type NodeNotificationVerifier,
  nodeVerifierFromContext,
} from '../../notifications/adapters/createNodeNotificationVerifier.js'
import { createDefaultReplayStore } from '../../notifications/defaultReplayStore.js'
import type { NotificationHandlerOptions } from '../../notifications/handleNotification.js'
import type { HeadersInput } from '../../notifications/headers.js'
import type { MerchantNotificationEvent } from '../../notifications/notificationEvent.js'
import type { NotificationOperator } from '../../notifications/notificationOperator.js'
import type { RawBody } from '../../notifications/rawBody.js'
import type { ReplayStore } from '../../notifications/replayStore.js'
import {
  notificationSignatureType,
  storeContext,
  verifyWithContext,
} from '../../notifications/verifyNotification.js'
import type { MerchantBaseClient } from '../MerchantBaseClient.js'

export type NotificationOptions = {
  /** Remembers event ids. Default: an in-memory store per client; `false` to handle duplicates yourself. */
  replayStore?: ReplayStore | false
  /** Default 86 400 s. */
  replayTtlSeconds?: number
  /** How long a handler's claim on an event holds before it lapses. Default 300 s. */
  claimTtlSeconds?: number
  /** Accepted signature age, in seconds. Default 300. */
  toleranceSeconds?: number
  /** Clock in ms, for tests. */
  now?: () => number
  /** Largest body the Node and Express verifiers read. Default 1 MiB. */
  maxBodyBytes?: number
}

export type NotificationActions = {
  notifications: {
    /** Verifies a raw body + headers with the client's gateway keys. See {@link verifyNotification}. */
    verify: (rawBody: RawBody, headers: HeadersInput) => Promise<MerchantNotificationEvent>
    /** Verifies a Node `http` request (reads the raw body). */
    verifyNodeRequest: NodeNotificationVerifier
    /** Verifies an Express request (`express.raw({ type: 'application/json' })` on the route). */
    verifyExpressRequest: ExpressNotificationVerifier
    /** Verifies a Fetch API `Request` (Next.js, Hono, edge runtimes). */
    verifyRequest: FetchNotificationVerifier
    /**
     * A Node `http` notification endpoint `(req, res)` that applies each event at least once:
     * claim → `handle` → commit, release and answer 500 when `handle` throws (the gateway retries).
     * See `createNodeNotificationHandler`.
     */
    nodeHandler: (options: NotificationHandlerOptions) => NodeNotificationHandler
    /** {@link NotificationActions.notifications.nodeHandler} for Express (`express.raw` on the route). */
    expressHandler: (options: NotificationHandlerOptions) => NodeNotificationHandler
    /** The same pattern as a Fetch API handler `(request) => Response`. */
    fetchHandler: (options: NotificationHandlerOptions) => FetchNotificationHandler
    /** The store of claimed and handled event ids (`false` when disabled). */
    replayStore: ReplayStore | false
  }
}

/**
 * Binds notification verification to a client, with the client's gateway keys (`gatewayKeys` in the
 * config, default `<baseUrl>/.well-known/jwks.json`) and one replay store. With an `operator` that
 * verifies notifications itself (the client's `cmb({...})`), its form bodies are verified with its
 * gateway key and answered with its signed acknowledgement instead.
 *
 * @example
 * const { notifications } = notificationActions(base)
 * const receive = notifications.nodeHandler({ handle: applyEvent })
 * createServer((req, res) => void receive(req, res))
 */
export function notificationActions(
  client: MerchantBaseClient,
  options: NotificationOptions = {},
  operator?: NotificationOperator,
): NotificationActions {
  const replayStore = options.replayStore === undefined ? createDefaultReplayStore() : options.replayStore
  const context = storeContext(
    { ...options, replayStore },
    (parameters) => client.verifyGatewaySignature({ ...parameters, type: notificationSignatureType }),
    operator,
  )
  return {
    notifications: {
      verify: (rawBody, headers) => verifyWithContext(context, rawBody, headers),
      verifyNodeRequest: nodeVerifierFromContext(context, options.maxBodyBytes),
      verifyExpressRequest: expressVerifierFromContext(context, options.maxBodyBytes),
      verifyRequest: fetchVerifierFromContext(context),
      nodeHandler: (handler) =>
        nodeHandlerFromContext(context, { ...handler, maxBodyBytes: options.maxBodyBytes }),
      expressHandler: (handler) =>
        nodeHandlerFromContext(context, { ...handler, maxBodyBytes: options.maxBodyBytes }, 'express'),
      fetchHandler: (handler) => fetchHandlerFromContext(context, handler),
      replayStore,
    },
  }
}
