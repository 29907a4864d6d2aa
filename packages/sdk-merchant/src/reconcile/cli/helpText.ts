/** `ecny --help`. */
export const helpText = `ecny — e-CNY merchant tools

Usage:
  ecny reconcile --statement FILE --records FILE [options]
  ecny reconcile --date YYYY-MM-DD --records FILE [options]
  ecny --help

Commands:
  reconcile   Match the gateway's daily statement against your own records and print a
              summary of every discrepancy category.

Run \`ecny reconcile --help\` for the options.
`

/** `ecny reconcile --help`. */
export const reconcileHelpText = `ecny reconcile — match the gateway's daily statement against your records

Usage:
  ecny reconcile --statement statement.csv --records records.csv [--out report.json] [--csv discrepancies.csv]

Input (one of --statement / --date, and --records):
  --statement FILE     the gateway's statement CSV (recordType,id,merchantOrderNo,orderId,mode,
                       status,amount,refundedAmount,payerWalletId,occurredAt)
  --date YYYY-MM-DD    download that day's statement from the gateway instead
                       (needs ECNY_BASE_URL, ECNY_APP_ID, ECNY_PRIVATE_KEY: a JWK
                       as JSON or a PKCS#8 PEM; ECNY_MERCHANT_ID if the app
                       acts for several merchants)
  --records FILE       your records CSV: merchantOrderNo, amount (integer fen), status
                       (succeeded | failed | unknown | pending); optional recordType, orderId

Output (the summary table always goes to stdout):
  --out FILE           write the full report (discrepancies + summary) as JSON
  --csv FILE           write the discrepancies as CSV, one line per key
  --include-matched    also list matched keys in --out / --csv
  --progress           show progress on stderr (default: only when stderr is a terminal)
  --no-progress        never show progress
  --memory-rows N      rows joined in memory before spilling to temp files (default 2500000)
  --threads 1|2        2: read and join on a worker thread too (the default for a statement
                       of 8 MiB or more); 1: one thread (the report is the same)

Exit codes:
  0  every key matched
  1  discrepancies found
  2  usage or input error (bad option, unreadable file, malformed CSV line)

Docs: docs/reconciliation.md
`
