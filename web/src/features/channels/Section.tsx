/** A titled block of the channel page with an anchor id, and the read-only rows viewers see. */
import { Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

export function Section(props: { id?: string; title: string; children: ReactNode; testId?: string }) {
  const location = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  // Links such as /channels#home arrive before the data: the section scrolls itself into view once it exists.
  useEffect(() => {
    if (props.id && location.hash === `#${props.id}`) ref.current?.scrollIntoView({ block: "start" });
  }, [props.id, location.hash]);
  return (
    <Paper ref={ref} withBorder p="md" id={props.id} data-testid={props.testId} style={{ scrollMarginTop: 72 }}>
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
