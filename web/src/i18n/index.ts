/** i18next with Korean as the default language and English switchable; the choice is remembered. */
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.js";
import { ko } from "./ko.js";

const STORAGE_KEY = "botcenter.lang";

function initialLanguage(): "ko" | "en" {
  const saved = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
  return saved === "en" ? "en" : "ko";
}

export function setLanguage(lang: "ko" | "en"): void {
  localStorage.setItem(STORAGE_KEY, lang);
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export async function initI18n(): Promise<void> {
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: "ko",
    resources: { ko: { translation: ko }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
