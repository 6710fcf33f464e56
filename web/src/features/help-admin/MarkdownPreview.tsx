/** Live preview of an article body; markdown-it with html:false escapes HTML, so injecting is safe. */
import { Paper, Text, Typography } from "@mantine/core";
import { useDeferredValue, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { renderPreview } from "./markdown.js";

export function MarkdownPreview({ body }: { body: string }) {
  const { t } = useTranslation();
  // Typing stays responsive on long articles: the preview renders the deferred text.
  const deferred = useDeferredValue(body);
  const html = useMemo(() => renderPreview(deferred), [deferred]);
  return (
    <Paper
      withBorder
      p="md"
      h="100%"
      style={{ overflow: "auto" }}
      aria-label={t("helpAdmin.editor.preview")}
      data-testid="markdown-preview"
    >
      {deferred.trim() === "" ? (
        <Text size="sm" c="dimmed">
          {t("helpAdmin.editor.previewEmpty")}
        </Text>
      ) : (
        <Typography>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: markdown-it runs with html:false, which escapes raw HTML */}
          <div dangerouslySetInnerHTML={{ __html: html }} />
        </Typography>
      )}
    </Paper>
  );
}
