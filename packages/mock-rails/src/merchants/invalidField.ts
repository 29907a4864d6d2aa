import { RailsError } from '../support/railsError.js'

/**
 * An `invalid_request` naming one field, worded like the schema's own refusals.
 *
 * @example
 * throw invalidField('dueDate', 'is not a real date') // "Invalid request: dueDate: is not a real date."
 */
export const invalidField = (path: string, message: string) =>
  new RailsError('invalid_request', `Invalid request: ${path}: ${message}.`, { issues: [{ path, message }] })
