/**
 * jsdom gives tests a Uint8Array from its own realm while TextEncoder, Buffer and WebCrypto make
 * Node's, so `bytes instanceof Uint8Array` fails inside jose. A real browser has one realm: put
 * Node's typed arrays back. Import this module first, before anything that loads the SDK.
 */
if (typeof window !== 'undefined') {
  const NodeUint8Array = Object.getPrototypeOf(Buffer.prototype).constructor as Uint8ArrayConstructor
  globalThis.Uint8Array = NodeUint8Array
  globalThis.ArrayBuffer = new NodeUint8Array(0).buffer.constructor as ArrayBufferConstructor
}

export {}
