/**
 * What the notification verifiers need from an operator whose notifications are not the reference
 * protocol's (e.g. `cmb({...})` from `@ecny/operator-cmb`): read and verify a raw body with the
 * operator's gateway key (before anything in it is parsed), and build the operator's own success
 * acknowledgement (CMB's is signed; an unsigned one makes CMB send again). Structural, so
 * sdk-merchant does not depend on any operator package.
 */
export type NotificationOperator = {
  name: string
  /** Verifies the raw body, then reads it as a reference event; throws `signature_invalid` otherwise. */
  parseNotification(body: string | Uint8Array, now?: number): { event: unknown }
  /** The answer that tells the operator the notification was handled. */
  ack(): { status: number; headers: Record<string, string>; body: string }
}

/**
 * Whether an operator (from the client config, say) can verify notifications itself.
 *
 * @example
 * if (isNotificationOperator(config.operator)) verifyWith(config.operator)
 */
export function isNotificationOperator(operator: unknown): operator is NotificationOperator {
  const candidate = operator as Partial<NotificationOperator> | undefined
  return typeof candidate?.parseNotification === 'function' && typeof candidate.ack === 'function'
}
