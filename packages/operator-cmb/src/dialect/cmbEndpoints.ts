/** The CMB endpoints the dialect uses, under `/polypay/v1.0/mchorders/` (§2.1). */
export const cmbEndpoints = {
  unifiedOrder: 'ecny/unifiedOrder',
  contractUnifiedOrder: 'ecny/contractUnifiedOrder',
  subWalletPay: 'ecny/subwalletpay',
  pay: 'pay',
  orderQuery: 'orderquery',
  close: 'close',
  cancel: 'cancel',
  refund: 'refund',
  refundQuery: 'refundquery',
  statementUrl: 'statementurl',
} as const

export type CmbEndpoint = (typeof cmbEndpoints)[keyof typeof cmbEndpoints]

/** Reference operations CMB offers; everything else is `unsupported_by_operator`. */
export const cmbSupportedOperations = [
  'createOrder',
  'getOrder',
  'findOrder',
  'closeOrder',
  'cancelOrder',
  'createRefund',
  'getRefund',
  'getStatement',
] as const

export type CmbSupportedOperation = (typeof cmbSupportedOperations)[number]
