/**
 * The checkout's words in 中文 (the default) and English. The page takes `?lang=en` (links in the
 * header switch it), and `EcnyProvider`'s `locale` puts the SDK's own labels and errors in the same
 * language.
 */
export type Language = 'zh-CN' | 'en'

/** `?lang=en` → English; anything else → 中文. */
export const languageOf = (asked: string | string[] | undefined): Language =>
  asked === 'en' ? 'en' : 'zh-CN'

const zhCN = {
  shopTitle: '数字人民币商店（Next.js）',
  basket: '购物车',
  amountLabel: '金额（元）',
  payButton: '用数字人民币支付',
  payHeading: (amount: string) => `支付 ${amount}`,
  status: {
    idle: '待支付',
    creating: '创建中',
    awaiting_payment: '等待支付',
    succeeded: '支付成功',
    failed: '支付失败',
    expired: '已过期',
    error: '出错',
  } as Record<string, string>,
  creating: '正在创建订单…',
  scan: (orderId: string, time: string) =>
    `订单 ${orderId}：请用数字人民币钱包 App 扫码，二维码 ${time} 失效。`,
  thanks: '已收到付款，谢谢！',
  paidFor: (amount: string, orderNo: string) => `已支付 ${amount}，订单号 ${orderNo}。`,
  newOrder: '新订单',
  failed: (reason: string) => `支付未成功（${reason}）。`,
  expired: '二维码在支付前已过期。',
  tryAgain: '重试',
  amountAboveZero: '请输入大于零的金额。',
  sandboxPay: '用沙箱钱包支付',
  sandboxFailed: '沙箱钱包未能支付。',
}

export type Copy = typeof zhCN

const en: Copy = {
  shopTitle: 'e-CNY shop (Next.js)',
  basket: 'Your basket',
  amountLabel: 'Amount (yuan)',
  payButton: 'Pay with e-CNY',
  payHeading: (amount) => `Pay ${amount}`,
  status: {
    idle: 'idle',
    creating: 'creating',
    awaiting_payment: 'awaiting payment',
    succeeded: 'succeeded',
    failed: 'failed',
    expired: 'expired',
    error: 'error',
  },
  creating: 'Creating your order…',
  scan: (orderId, time) => `Order ${orderId}: scan with an e-CNY wallet app. The code expires at ${time}.`,
  thanks: 'Payment received — thank you!',
  paidFor: (amount, orderNo) => `Paid ${amount} for order ${orderNo}.`,
  newOrder: 'New order',
  failed: (reason) => `The payment did not go through (${reason}).`,
  expired: 'The code expired before it was paid.',
  tryAgain: 'Try again',
  amountAboveZero: 'Enter an amount above zero.',
  sandboxPay: 'Pay with a sandbox wallet',
  sandboxFailed: 'The sandbox wallet could not pay.',
}

export const copy: Record<Language, Copy> = { 'zh-CN': zhCN, en }
