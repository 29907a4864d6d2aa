import { RailsError } from '../support/railsError.js'

/**
 * Refuses a test-mode control on a gateway that is not in test mode: 403 `permission_denied`, with
 * `details.testMode: false`, before anything moves.
 */
export function requireTestMode(enabled: boolean, operation: string): void {
  if (enabled) return
  throw new RailsError(
    'permission_denied',
    `${operation} is a test-mode control, and this gateway is not in test mode. Start the sandbox in test mode (the default: leave out --mode live, or pass testMode: true) to move its clock, trigger events, resend notifications or set faults.`,
    { testMode: false, operation },
  )
}
