import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { setLanguage } from "../i18n/index.js";

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("layout.language")}
      value={i18n.language.startsWith("en") ? "en" : "ko"}
      onChange={(value) => setLanguage(value === "en" ? "en" : "ko")}
      data={[
        { value: "ko", label: "한국어" },
        { value: "en", label: "English" },
      ]}
    />
  );
}
