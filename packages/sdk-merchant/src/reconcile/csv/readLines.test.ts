import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readLineBatches } from './readLines.js'

async function lines(source: Parameters<typeof readLineBatches>[0]): Promise<string[]> {
  const out: string[] = []
  for await (const batch of readLineBatches(source, 'test.csv')) out.push(...batch)
  return out
}

const text = 'a,b\n订单,¥12\r\n😀 x\nlast'
const bytes = new TextEncoder().encode(text)

describe('readLineBatches', () => {
  it('splits at every possible chunk boundary, including inside multi-byte characters', async () => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(await lines([bytes.slice(0, cut), bytes.slice(cut)])).toEqual([
        'a,b',
        '订单,¥12',
        '😀 x',
        'last',
      ])
    }
  })

  it('reads one byte at a time', async () => {
    const chunks = Array.from(bytes, (byte) => Uint8Array.of(byte))
    expect(await lines(chunks)).toEqual(['a,b', '订单,¥12', '😀 x', 'last'])
  })

  it('reads Web streams, Node streams and string chunks', async () => {
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 5))
        controller.enqueue(bytes.slice(5))
        controller.close()
      },
    })
    expect(await lines(web)).toEqual(['a,b', '订单,¥12', '😀 x', 'last'])
    expect(await lines(Readable.from([Buffer.from(bytes)]))).toEqual(['a,b', '订单,¥12', '😀 x', 'last'])
    expect(await lines(['a,', 'b\nc\n'])).toEqual(['a,b', 'c'])
  })

  it('drops a byte-order mark and keeps an empty line as empty', async () => {
    expect(await lines([Uint8Array.of(0xef, 0xbb, 0xbf, 0x61, 0x0a, 0x0a, 0x62)])).toEqual(['a', '', 'b'])
  })

  it('rejects invalid UTF-8 with the line number', async () => {
    const bad = Uint8Array.of(0x61, 0x0a, 0x62, 0xff, 0x0a)
    await expect(lines([bad])).rejects.toMatchObject({
      code: 'invalid_request',
      details: { file: 'test.csv', line: 2 },
    })
  })

  it('rejects a truncated multi-byte character at the end', async () => {
    await expect(lines([bytes.slice(0, 6)])).rejects.toMatchObject({ code: 'invalid_request' })
  })
})
