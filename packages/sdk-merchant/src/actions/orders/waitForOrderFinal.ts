// One implementation, in sdk-core: the wallet side and the merchant side wait for an order the same way.
export {
  isFinalOrder,
  type WaitForOrderFinalErrorType,
  type WaitForOrderFinalParameters,
  type WaitForOrderFinalReturnType,
  waitForOrderFinal,
} from '@ecny/sdk-core'
