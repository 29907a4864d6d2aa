/**
 * The double-entry ledger, in integer fen. Every movement of money is one balanced journal entry:
 * its lines' signed amounts sum to zero (what is debited from one account is credited to another).
 *
 * Sign convention: a positive line amount credits an account (raises its balance), a negative one
 * debits it. Wallet accounts may never go below zero; the `bank_float` external account stands for
 * the banking system outside e-CNY, so it goes negative exactly by the money that entered through
 * top-ups, and the sum over all accounts is always zero. `budget` accounts hold promotion money:
 * a campaign's budget (`campaign:{id}`) is funded from its organiser's wallet at activation; the
 * points programme's fund (`points:fund`) from `bank_float`, like any other money entering the rails.
 */
export type AccountKind = 'wallet' | 'external' | 'budget'

export type AccountRecord = { kind: AccountKind; balance: number }

export type LedgerLine = { account: string; amount: number }

export type JournalEntry = { kind: string; reference: string | null; lines: readonly LedgerLine[] }

export type LedgerState = { accounts: Map<string, AccountRecord>; entryCount: number }

export type LedgerVerification = {
  ok: boolean
  /** Sum of every account's balance; zero when money was conserved. */
  total: number
  negativeAccounts: string[]
  entryCount: number
}

/** The external account top-ups come from and redemptions go to. */
export const bankFloatAccount = 'bank_float'

export function walletAccount(walletId: string): string {
  return `wallet:${walletId}`
}

export function createLedgerState(): LedgerState {
  const accounts = new Map<string, AccountRecord>()
  accounts.set(bankFloatAccount, { kind: 'external', balance: 0 })
  return { accounts, entryCount: 0 }
}

export type Ledger = ReturnType<typeof createLedger>

export function createLedger(state: LedgerState) {
  const mustGet = (account: string) => {
    const record = state.accounts.get(account)
    if (!record) throw new Error(`Ledger: no account ${account}`)
    return record
  }
  return {
    state,
    openAccount(account: string, kind: AccountKind): void {
      if (state.accounts.has(account)) throw new Error(`Ledger: account ${account} already exists`)
      state.accounts.set(account, { kind, balance: 0 })
    },
    has(account: string): boolean {
      return state.accounts.has(account)
    },
    balanceOf(account: string): number {
      return mustGet(account).balance
    },
    /**
     * Applies a balanced entry atomically. Throws (and changes nothing) when the lines do not sum to
     * zero, an amount is not an integer, an account is unknown, or a non-external account would go
     * below zero. Callers check business rules first; these throws are programming errors.
     */
    post(entry: JournalEntry): void {
      let sum = 0
      for (const line of entry.lines) {
        if (!Number.isSafeInteger(line.amount)) throw new Error(`Ledger: ${line.amount} is not integer fen`)
        sum += line.amount
      }
      if (sum !== 0) throw new Error(`Ledger: entry ${entry.kind} is unbalanced by ${sum} fen`)
      // Check every resulting balance before touching any, so a failed post changes nothing. An
      // account may appear on several lines (a sub-wallet funded and paying in one entry).
      const records: AccountRecord[] = []
      const balances: number[] = []
      for (const line of entry.lines) {
        const record = mustGet(line.account)
        const seen = records.indexOf(record)
        const next = (seen === -1 ? record.balance : balances[seen]!) + line.amount
        if (next < 0 && record.kind !== 'external') {
          throw new Error(`Ledger: ${line.account} would go negative (${next} fen) in ${entry.kind}`)
        }
        if (seen === -1) {
          records.push(record)
          balances.push(next)
        } else balances[seen] = next
      }
      for (let i = 0; i < records.length; i++) records[i]!.balance = balances[i]!
      state.entryCount++
    },
    /** Conservation check: all balances sum to zero and no wallet or budget is negative. */
    verify(): LedgerVerification {
      let total = 0
      const negativeAccounts: string[] = []
      for (const [id, record] of state.accounts) {
        total += record.balance
        if (record.balance < 0 && record.kind !== 'external') negativeAccounts.push(id)
      }
      return {
        ok: total === 0 && negativeAccounts.length === 0,
        total,
        negativeAccounts,
        entryCount: state.entryCount,
      }
    },
  }
}
