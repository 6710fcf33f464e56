/** Loading, empty and error states used on every screen. */
import { Alert, Center, Code, List, Loader, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.js";
import { localizeDetail } from "./localize-detail.js";

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          {label ?? t("common.loading")}
        </Text>
      </Stack>
    </Center>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" maw={420} ta="center">
        <Text fw={600}>{title}</Text>
        {children}
      </Stack>
    </Center>
  );
}

/** The server's message, and for imports and saves each problem with its path and line. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError ? t(`errors.codes.${error.code}`, { defaultValue: error.message }) : t("errors.unknown");
  const details = error instanceof ApiError ? error.details : [];
  return (
    <Alert color="red" title={title ?? t("errors.title")} role="alert" data-testid="error-alert">
      <Text size="sm">{message}</Text>
      {details.length > 0 ? (
        <List size="sm" mt="xs" spacing={4} data-testid="error-details">
          {details.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: details may repeat a path
            <List.Item key={i}>
              {d.line !== undefined ? (
                <Text span size="xs" c="dimmed">
                  {t("errors.line", { line: d.line, column: d.column ?? 1 })}{" "}
                </Text>
              ) : null}
              {d.path ? <Code>{d.path}</Code> : null} {localizeDetail(d.message, t)}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
