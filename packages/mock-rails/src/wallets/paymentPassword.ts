import type { WalletRecord } from '../state/records.js'
import { RailsError } from '../support/railsError.js'

/**
 * The payment-password rules of the rails (`createRails({ paymentPassword })`): how many wrong
 * passwords freeze a wallet's payments, for how long, and which payments need no password.
 */
export type PaymentPasswordRules = {
  /** Wrong passwords in a row that freeze the wallet's payments. Default 5 (m.gucheng.com 2022-02). */
  maxAttempts: number
  /** How long payments stay frozen, by the rails clock. Default 24 h (unconfirmed: operator-set). */
  freezeMs: number
  /**
   * Largest payment, in fen, that may go without a password (小额免密). Default `null`: a payment
   * sent without a password is treated as password-free at any amount, so sandboxes and tests that
   * never mention passwords keep working. Set it (e.g. 100_000) to require the password above it.
   */
  passwordFreeLimit: number | null
  /** The password a wallet gets when it is opened without one. Default `'123456'` (sandbox only). */
  sandboxDefault: string
}

export const defaultPaymentPasswordRules: PaymentPasswordRules = {
  maxAttempts: 5,
  freezeMs: 86_400_000,
  passwordFreeLimit: null,
  sandboxDefault: '123456',
}

export function paymentPasswordRulesFrom(options: Partial<PaymentPasswordRules> = {}): PaymentPasswordRules {
  const rules = { ...defaultPaymentPasswordRules, ...options }
  if (!Number.isInteger(rules.maxAttempts) || rules.maxAttempts < 1) {
    throw new TypeError(`paymentPassword.maxAttempts must be a whole number ≥ 1, got ${rules.maxAttempts}`)
  }
  if (!/^\d{6}$/.test(rules.sandboxDefault)) {
    throw new TypeError('paymentPassword.sandboxDefault must be 6 digits')
  }
  return rules
}

/** A wallet's password state; wallets saved before passwords existed get the sandbox default. */
export type PaymentPasswordRecord = { password: string; failures: number; frozenUntil: number | null }

function passwordOf(wallet: WalletRecord, rules: PaymentPasswordRules): PaymentPasswordRecord {
  wallet.paymentPassword ??= { password: rules.sandboxDefault, failures: 0, frozenUntil: null }
  return wallet.paymentPassword
}

function frozen(wallet: WalletRecord, until: number, rules: PaymentPasswordRules): RailsError {
  return new RailsError(
    'wallet_payments_frozen',
    `This wallet's payments are frozen after ${rules.maxAttempts} wrong payment passwords, until ` +
      `${new Date(until).toISOString()}. Wait until then (the holder then pays with the right password); ` +
      'receiving money, top-ups and reading the wallet still work.',
    { walletId: wallet.id, frozenUntil: new Date(until).toISOString(), maxAttempts: rules.maxAttempts },
  )
}

/**
 * `wallet_payments_frozen` while the wallet's payments are frozen; once the freeze has run out, clears
 * it and the count of wrong attempts. For payments the holder authorised earlier (a payment code
 * scanned by a merchant), which carry no password of their own.
 */
export function assertPaymentsNotFrozen(
  wallet: WalletRecord,
  rules: PaymentPasswordRules,
  now: number,
): void {
  const record = passwordOf(wallet, rules)
  if (record.frozenUntil === null) return
  if (now < record.frozenUntil) throw frozen(wallet, record.frozenUntil, rules)
  record.frozenUntil = null
  record.failures = 0
}

/**
 * Checks the holder's payment password for a payment of `amount` fen from `wallet`, before any money
 * moves. A frozen wallet refuses every payment, password-free ones too (`wallet_payments_frozen`); the
 * freeze lifts by itself `freezeMs` after it began. A wrong password counts (`payment_password_incorrect`
 * with `remainingAttempts`); the `maxAttempts`-th in a row freezes; a right one resets the count. No
 * password is a password-free payment, allowed up to `passwordFreeLimit`.
 */
export function assertPaymentPassword(
  wallet: WalletRecord,
  password: string | undefined,
  amount: number,
  rules: PaymentPasswordRules,
  now: number,
): void {
  assertPaymentsNotFrozen(wallet, rules, now)
  const record = passwordOf(wallet, rules)
  if (password === undefined) {
    if (rules.passwordFreeLimit === null || amount <= rules.passwordFreeLimit) return
    throw new RailsError(
      'invalid_request',
      `Invalid request: password: a payment of ${amount} fen is over this wallet's password-free limit of ` +
        `${rules.passwordFreeLimit} fen. Ask the holder for the 6-digit payment password and pass it as password.`,
      { issues: [{ path: 'password', message: 'required above the password-free limit' }] },
    )
  }
  if (password === record.password) {
    record.failures = 0
    return
  }
  record.failures++
  if (record.failures >= rules.maxAttempts) {
    record.frozenUntil = now + rules.freezeMs
    throw frozen(wallet, record.frozenUntil, rules)
  }
  const remainingAttempts = rules.maxAttempts - record.failures
  throw new RailsError(
    'payment_password_incorrect',
    `The payment password is wrong; ${remainingAttempts} attempt${remainingAttempts === 1 ? '' : 's'} left ` +
      `before this wallet's payments are frozen. Ask the holder to enter it again; nothing was paid.`,
    { walletId: wallet.id, remainingAttempts, maxAttempts: rules.maxAttempts },
  )
}
