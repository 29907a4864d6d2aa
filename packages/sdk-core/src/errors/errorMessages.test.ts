import { describe, expect, it } from 'vitest'
import { errorCodes } from './errorCodes.js'
import * as en from './messagesEn.js'
import { messagesZhCN } from './messagesZhCN.js'

type Text = { message?: string; hint?: string }

/** `{field}`, `{limit}` … in a template, sorted. */
const placeholdersOf = (text: string | undefined) =>
  [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text)

const siteMessages = Object.entries(en).filter(([name]) => name !== 'errorMessagesEn') as Array<
  [string, { id: string } & Text]
>
const zh = messagesZhCN as Record<string, Text>

describe('error message catalogue', () => {
  it('has an English and a Chinese message and hint for every error code', () => {
    for (const code of Object.keys(errorCodes)) {
      const english = (en.errorMessagesEn as Record<string, Text>)[code]
      const chinese = zh[code]
      expect(english?.message, code).toMatch(/\S/)
      expect(english?.hint, code).toMatch(/\S/)
      expect(chinese?.message && hasChinese(chinese.message), code).toBe(true)
      expect(chinese?.hint && hasChinese(chinese.hint), code).toBe(true)
    }
  })

  it('has no entry for a code the SDK does not know', () => {
    const known = new Set(Object.keys(errorCodes))
    expect(Object.keys(en.errorMessagesEn).filter((code) => !known.has(code))).toEqual([])
    const siteIds = new Set(siteMessages.map(([, m]) => m.id))
    expect(
      Object.keys(zh).filter((id) => !known.has(id) && !siteIds.has(id) && !id.startsWith('label/')),
    ).toEqual([])
  })

  it('translates every message the SDK writes, with the same placeholders in both languages', () => {
    expect(siteMessages.length).toBeGreaterThan(10)
    for (const [name, message] of siteMessages) {
      expect(Object.keys(errorCodes), name).toContain(message.id.split('/')[0])
      const chinese = zh[message.id]
      expect(chinese, `${name} (${message.id}) has no zh-CN entry`).toBeDefined()
      for (const part of ['message', 'hint'] as const) {
        expect(chinese?.[part] === undefined, `${message.id}.${part} in one language only`).toBe(
          message[part] === undefined,
        )
        if (message[part] === undefined) continue
        expect(placeholdersOf(chinese?.[part]), `${message.id}.${part}`).toEqual(
          placeholdersOf(message[part]),
        )
        expect(hasChinese(chinese![part]!), `${message.id}.${part} is not Chinese`).toBe(true)
      }
    }
  })

  it('gives the same placeholders to the per-code texts in both languages', () => {
    for (const [code, english] of Object.entries(en.errorMessagesEn as Record<string, Text>)) {
      expect(placeholdersOf(zh[code]?.message), code).toEqual(placeholdersOf(english.message))
      expect(placeholdersOf(zh[code]?.hint), code).toEqual(placeholdersOf(english.hint))
    }
  })
})
