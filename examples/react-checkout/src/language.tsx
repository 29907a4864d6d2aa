import { createContext, type ReactNode, useContext, useEffect, useState } from 'react'
import { type Copy, copy, type Language } from './copy.js'

const storageKey = 'ecny-example-language'

/** `?lang=en` or the visitor's last choice; 中文 otherwise. */
function initialLanguage(): Language {
  const asked = new URLSearchParams(window.location.search).get('lang') ?? localStorage.getItem(storageKey)
  return asked === 'en' ? 'en' : 'zh-CN'
}

type LanguageState = { language: Language; t: Copy; setLanguage: (language: Language) => void }

const LanguageContext = createContext<LanguageState | undefined>(undefined)

/** Holds the page's language, remembers it, and keeps `<html lang>` in step. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(initialLanguage)
  useEffect(() => {
    document.documentElement.lang = language
    document.title = copy[language].shopTitle
    localStorage.setItem(storageKey, language)
  }, [language])
  return (
    <LanguageContext.Provider value={{ language, t: copy[language], setLanguage }}>
      {children}
    </LanguageContext.Provider>
  )
}

/** The page's language and its words. */
export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext)
  if (!state) throw new Error('useLanguage() needs a <LanguageProvider> above it.')
  return state
}

/** 中文 | English buttons. */
export function LanguageSwitch() {
  const { language, t, setLanguage } = useLanguage()
  return (
    <fieldset className="language" aria-label={t.languageLabel}>
      {(['zh-CN', 'en'] as const).map((option) => (
        <button
          key={option}
          type="button"
          className="secondary"
          lang={option}
          aria-pressed={language === option}
          onClick={() => setLanguage(option)}
        >
          {option === 'zh-CN' ? '中文' : 'English'}
        </button>
      ))}
    </fieldset>
  )
}
