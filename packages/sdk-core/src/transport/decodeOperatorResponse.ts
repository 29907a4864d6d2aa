import * as z from 'zod/mini'
import { createEcnyError } from '../errors/EcnyError.js'
import { formatPath } from '../validation/parseInput.js'
import type { OperatorCall } from './operatorCodec.js'
import type { TransportContext } from './request.js'
import type { AttemptResult, ReceivedAttempt } from './sendWithRetries.js'

/**
 * An operator's answer, decoded by its codec (which verifies the operator's signature over the raw
 * bytes first) and then checked against the action's schema, as a reference answer would be.
 */
export async function decodeOperatorResponse<T extends z.ZodMiniType>(
  context: TransportContext,
  call: OperatorCall,
  attempt: ReceivedAttempt<Uint8Array>,
  schema: T | undefined,
): Promise<AttemptResult<z.output<T>>> {
  const { response } = attempt
  const decoded = context.codec!.decode(call, { status: response.status, body: response.body }, context.now())
  if (!decoded.ok) return { ok: false, error: decoded.error, maybeCommitted: decoded.maybeCommitted }
  if (schema === undefined) return { ok: true, value: decoded.data as z.output<T> }
  const parsed = z.safeParse(schema, decoded.data)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0]
  throw createEcnyError(
    'invalid_response',
    `The ${context.codec!.operator} answer does not have the expected shape (${issue ? `${formatPath(issue.path)}: ${issue.message}` : 'unknown'}).`,
    { hint: 'Upgrade the operator package, or report this.', details: { issues: parsed.error.issues } },
  )
}
