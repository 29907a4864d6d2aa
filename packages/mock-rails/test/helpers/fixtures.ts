/**
 * Left only for test/cmb/cmbHarness.ts (another change owns it): the fixtures now live in
 * `@ecny/test-utils`; import `testCard` from there and delete this file.
 */
export { testCard as card } from '@ecny/test-utils'
