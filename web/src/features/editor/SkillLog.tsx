/** 스킬 오류 내역: recent skill calls of the bot with their outcome, reason (explained) and latency. */
import { Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SkillDefinition } from "../../../../src/core/bot/schema.js";
import { api } from "../../api/client.js";
import { EmptyState, ErrorAlert, LoadingState } from "../../lib/states.js";

export interface SkillLogEntry {
  id: string | number;
  skillId: string;
  blockId: string | null;
  surface: string;
  ok: boolean;
  reason: string | null;
  detail: string;
  status: number | null;
  latencyMs: number;
  createdAt: string;
}

/** Reasons with an explanation in the i18n files; anything else is shown as the raw code. */
const KNOWN_REASONS = new Set([
  "timeout",
  "connection_refused",
  "dns",
  "connection_error",
  "tls",
  "http_status",
  "too_large",
  "not_json",
  "bad_version",
  "callback_not_allowed",
  "schema",
  "address_blocked",
  "bad_url",
]);

export function SkillLog({
  botId,
  skills,
  blockName,
}: {
  botId: string;
  skills: SkillDefinition[];
  blockName(id: string): string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<"errors" | "all">("errors");
  const log = useQuery({
    queryKey: ["skill-log", botId, filter],
    queryFn: () => api.get<{ entries: SkillLogEntry[] }>(`/bots/${botId}/skill-log?errors=${filter === "errors"}&limit=100`),
  });
  const skillName = (id: string) => skills.find((s) => s.id === id)?.name ?? id;
  const when = new Intl.DateTimeFormat(i18n.language === "en" ? "en-US" : "ko-KR", { dateStyle: "short", timeStyle: "medium" });
  const entries = log.data?.entries ?? [];
  return (
    <Stack gap="xs" data-testid="skill-log">
      <Group justify="space-between" wrap="wrap">
        <Title order={4}>{t("skillLog.title")}</Title>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={filter}
            onChange={(v) => setFilter(v === "all" ? "all" : "errors")}
            data={[
              { value: "errors", label: t("skillLog.errorsOnly") },
              { value: "all", label: t("skillLog.all") },
            ]}
          />
          <Button size="xs" variant="default" onClick={() => void log.refetch()} loading={log.isFetching}>
            {t("skillLog.refresh")}
          </Button>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t("skillLog.help")}
      </Text>
      {log.isPending ? (
        <LoadingState />
      ) : log.error ? (
        <ErrorAlert error={log.error} />
      ) : entries.length === 0 ? (
        <EmptyState title={filter === "errors" ? t("skillLog.emptyErrors") : t("skillLog.empty")} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("skillLog.time")}</Table.Th>
                <Table.Th>{t("skillLog.skill")}</Table.Th>
                <Table.Th>{t("skillLog.block")}</Table.Th>
                <Table.Th>{t("skillLog.surface")}</Table.Th>
                <Table.Th>{t("skillLog.result")}</Table.Th>
                <Table.Th>{t("skillLog.reason")}</Table.Th>
                <Table.Th>{t("skillLog.latency")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id} data-testid="skill-log-row">
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{when.format(new Date(e.createdAt))}</Table.Td>
                  <Table.Td>{skillName(e.skillId)}</Table.Td>
                  <Table.Td>{e.blockId ? (blockName(e.blockId) ?? e.blockId) : "-"}</Table.Td>
                  <Table.Td>{t(`skillLog.surfaces.${e.surface}`, { defaultValue: e.surface })}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Badge size="sm" color={e.ok ? "green" : "red"}>
                        {e.ok ? t("skillLog.ok") : t("skillLog.failed")}
                      </Badge>
                      {e.status !== null ? (
                        <Badge size="sm" variant="light">
                          HTTP {e.status}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {e.reason ? (
                      <Stack gap={0}>
                        <Tooltip label={e.detail || e.reason} multiline w={360} withinPortal>
                          <Text size="sm" fw={600} span>
                            {e.reason}
                          </Text>
                        </Tooltip>
                        <Text size="xs" c="dimmed">
                          {KNOWN_REASONS.has(e.reason) ? t(`skillLog.reasons.${e.reason}`) : e.detail}
                        </Text>
                      </Stack>
                    ) : (
                      "-"
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{t("trace.latency", { ms: Math.round(e.latencyMs) })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
