import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { splitControl } from './scanJob.js'
import { chunkSize, claimedChunks, fileChunks, lineStart } from './sourceFile.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecny-source-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function bytes(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = []
  for await (const chunk of chunks) parts.push(Buffer.from(chunk))
  return Buffer.concat(parts)
}

describe('splitting a file between two readers', () => {
  it('the worker stops at the end of the line where the other reader starts: nothing lost, nothing twice', async () => {
    // Lines of varied length, one longer than a chunk; a line end right at a chunk boundary.
    const lines: string[] = []
    for (let i = 0, length = 0; length < 6 * chunkSize; i++) {
      const line = i === 500 ? `${'x'.repeat(chunkSize + 10)}\n` : `${String(i).repeat(1 + (i % 37))}\n`
      lines.push(line)
      length += line.length
    }
    let text = lines.join('')
    text = `${text.slice(0, 3 * chunkSize - 1)}\n${text.slice(3 * chunkSize)}`
    const path = join(dir, 'lines.txt')
    await writeFile(path, text)
    const file = Buffer.from(text)
    for (const limit of [1, 2, 3, 4, 5, 6, 7]) {
      const head = await bytes(claimedChunks(path, chunkSize * 2, (n) => n < limit))
      const start = lineStart(path, limit * chunkSize)
      expect(head.length).toBe(Math.min(start, file.length))
      expect(start === file.length || file[start - 1] === 10).toBe(true)
      const tail = await bytes(fileChunks(undefined, path, chunkSize * 2, start))
      expect(Buffer.concat([head, tail]).equals(file)).toBe(true)
    }
    expect(lineStart(path, 3 * chunkSize)).toBe(3 * chunkSize)
    expect(lineStart(path, 0)).toBe(0)
  })

  it('hands out each chunk once: the worker claims, the other thread takes the rest', () => {
    const word = new Int32Array(new SharedArrayBuffer(4))
    expect(splitControl.claim(word, 0)).toBe(true)
    expect(splitControl.claim(word, 1)).toBe(true)
    // 20 chunks, half of what is left to the other thread.
    expect(splitControl.take(word, 20, 0.5, 4)).toBe(11)
    for (let n = 2; n < 11; n++) expect(splitControl.claim(word, n)).toBe(true)
    expect(splitControl.claim(word, 11)).toBe(false)
    // Taken once only; too little left to take.
    expect(splitControl.take(word, 20, 0.5, 4)).toBeUndefined()
    expect(splitControl.take(new Int32Array(new SharedArrayBuffer(4)), 6, 0.5, 4)).toBeUndefined()
  })
})
