import { useTranslation } from "react-i18next";
import type { RendererLabels } from "../../renderer/index.js";

/** The renderer's own words in the admin center's current language. */
export function useRendererLabels(): RendererLabels {
  const { t } = useTranslation();
  return {
    showMore: t("renderer.showMore"),
    showLess: t("renderer.showLess"),
    won: t("renderer.won"),
    share: t("renderer.share"),
    operator: t("renderer.operator"),
    previous: t("renderer.previous"),
    next: t("renderer.next"),
    carousel: t("renderer.carousel"),
    quickReplies: t("renderer.quickReplies"),
    botMessage: t("renderer.botMessage"),
    userMessage: t("renderer.userMessage"),
    imageMissing: t("renderer.imageMissing"),
  };
}
