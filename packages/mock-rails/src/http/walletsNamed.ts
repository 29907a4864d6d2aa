import { operations } from '@ecny/protocol'
import { field } from './callerAccess.js'
import type { RouteDefinition, RouteInput } from './routeDefinition.js'

/** Body fields that name a wallet a request moves money from or to, or acts on. */
const walletFields = ['walletId', 'fromWalletId', 'toWalletId', 'organiserWalletId'] as const

/**
 * Every wallet a request names: the `{id}` of a `/v1/wallets/{id}…` path, wallet fields of the body,
 * a client-token `scope` for a wallet, and the organiser wallet of the campaign a
 * `/v1/campaigns/{id}…` path names. The merchant-access guard checks each of them.
 *
 * @example
 * walletsNamed(route, input) // ['0099…01', '0099…02'] for a transfer
 */
export function walletsNamed(route: RouteDefinition, input: RouteInput): string[] {
  const named: unknown[] = walletFields.map((name) => field(input.body, name))
  const scope = field(input.body, 'scope')
  if (route.name === operations.createClientToken.name && field(scope, 'type') === 'wallet')
    named.push(field(scope, 'id'))
  if (route.path.startsWith(operations.getWallet.path)) named.push(input.params.id)
  if (route.path.startsWith(operations.getCampaign.path)) named.push(organiserOf(input))
  return named.filter((id): id is string => typeof id === 'string' && id.length > 0)
}

function organiserOf(input: RouteInput): string | undefined {
  try {
    return input.campaigns.get(input.params.id!).organiserWalletId
  } catch {
    return undefined // no such campaign: the route answers not_found itself
  }
}
