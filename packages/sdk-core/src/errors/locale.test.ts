import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { detectLocale } from './locale.js'
import { localeFromTag } from './localeFromTag.js'

describe('localeFromTag', () => {
  it('reads any zh tag as zh-CN and any other language as en', () => {
    fc.assert(
      fc.property(fc.constantFrom('zh', 'ZH', 'zh-CN', 'zh_TW', 'zh-Hans-CN', 'zh_CN.UTF-8'), (tag) => {
        expect(localeFromTag(tag)).toBe('zh-CN')
      }),
    )
    fc.assert(
      fc.property(fc.stringMatching(/^[a-y][a-z](-[A-Z]{2})?$/), (tag) => {
        expect(localeFromTag(tag)).toBe('en')
      }),
    )
  })

  it('says nothing for tags that name no language (C, POSIX, empty)', () => {
    for (const tag of ['', 'C', 'C.UTF-8', 'POSIX', undefined]) expect(localeFromTag(tag)).toBeUndefined()
  })
})

describe('detectLocale', () => {
  it('prefers LC_ALL, then LC_MESSAGES, then LANG, then the browser, then Intl', () => {
    expect(detectLocale({ env: { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' } })).toBe('zh-CN')
    expect(detectLocale({ env: { LC_MESSAGES: 'en_GB', LANG: 'zh_CN' } })).toBe('en')
    expect(detectLocale({ env: { LANG: 'zh_CN.UTF-8' }, navigatorLanguage: 'en-US' })).toBe('zh-CN')
    expect(detectLocale({ env: { LANG: 'C.UTF-8' }, navigatorLanguage: 'zh-CN', intlLocale: 'en-US' })).toBe(
      'zh-CN',
    )
    expect(detectLocale({ env: { LANG: 'C.UTF-8' }, intlLocale: 'zh-Hans-CN' })).toBe('zh-CN')
    expect(detectLocale({ env: {}, intlLocale: 'fr-FR' })).toBe('en')
    expect(detectLocale({})).toBe('en')
  })
})
