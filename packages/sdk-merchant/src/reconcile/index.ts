/** Statement parsing and reconciliation: the public surface of this folder. */
export { buildEntry, fieldDifferences, gatewayOutcome, groupCategory, pairCategory } from './classify.js'
export type { ByteSource } from './csv/toAsyncIterable.js'
export { formatMerchantRecordsCsv, formatStatementCsv, merchantCsvColumns } from './formatCsv.js'
export { merchantNoOf, reconcileKey } from './keys.js'
export {
  merchantCsvOptionalColumns,
  merchantCsvRequiredColumns,
  parseMerchantRecordsCsv,
} from './parseMerchantRecordsCsv.js'
export { type ParseCsvOptions, parseStatementCsv, statementCsvColumns } from './parseStatementCsv.js'
export { type ReconcileOptions, type ReconcileRun, reconcile, reconcileToReport } from './reconcile.js'
export { formatSummaryTable } from './report/formatSummaryTable.js'
export { discrepancyCsvColumns, toCsv } from './report/toCsv.js'
export { toJson, toJsonChunks } from './report/toJson.js'
export {
  type CategoryTotal,
  type FieldDifference,
  type GatewayStatus,
  type MerchantOrderRecord,
  type MerchantRecord,
  type MerchantRefundRecord,
  type MerchantStatus,
  type ReconcileCategory,
  type ReconcileEntry,
  type ReconcileReport,
  type ReconcileSummary,
  type RecordType,
  type RowSource,
  reconcileCategories,
  type StatementOrderRow,
  type StatementRefundRow,
  type StatementRow,
} from './types.js'
