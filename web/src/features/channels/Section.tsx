/** A titled block of the channel page with an anchor id, and the read-only rows viewers see. */
import { Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function Section(props: { id?: string; title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" id={props.id} data-testid={props.testId} style={{ scrollMarginTop: 72 }}>
      <Stack gap="sm">
        <Title order={4}>{props.title}</Title>
        {props.children}
      </Stack>
    </Paper>
  );
}

export function ReadOnlyRows({ rows }: { rows: Array<[label: string, value: ReactNode]> }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs">
      {rows.map(([label, value]) => (
        <Stack key={label} gap={0}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {value === "" || value === null || value === undefined ? t("channelAdmin.notSet") : value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
