/** Bots of the current workspace, with the three ways to create one. */
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { api } from "../../api/client.js";
import type { BotSummary } from "../../api/types.js";
import { useSession } from "../../auth/session.js";
import { can } from "../../lib/permissions.js";
import { EmptyState, ErrorAlert, LoadingState } from "../../lib/states.js";
import { CreateBotModal, type CreateMode } from "./CreateBotModal.js";

export function BotListPage() {
  const { t } = useTranslation();
  const { workspace, role } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const wsId = workspace?.id ?? "";
  const bots = useQuery({
    queryKey: ["bots", wsId],
    queryFn: () => api.get<{ bots: BotSummary[] }>(`/bots?workspaceId=${encodeURIComponent(wsId)}`),
    enabled: wsId !== "",
  });
  const [mode, setMode] = useState<CreateMode | null>(null);
  const writable = can(role, "bot:write");
  const openCreate = (m: CreateMode) => setMode(m);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("bots.title")}</Title>
        {writable ? (
          <Group gap="xs">
            <Button variant="light" onClick={() => openCreate("import")}>
              {t("bots.modeImport")}
            </Button>
            <Button variant="light" onClick={() => openCreate("scratch")}>
              {t("bots.modeScratch")}
            </Button>
            <Button onClick={() => openCreate("helper")}>{t("bots.modeHelper")}</Button>
          </Group>
        ) : null}
      </Group>
      <ErrorAlert error={bots.error} />
      {bots.isPending ? <LoadingState /> : null}
      {bots.data && bots.data.bots.length === 0 ? (
        <EmptyState title={t("bots.empty")}>
          <Text size="sm" c="dimmed">
            {writable ? t("bots.emptyHelp") : t("bots.emptyViewer")}
          </Text>
          {writable ? <Button onClick={() => openCreate("helper")}>{t("bots.modeHelper")}</Button> : null}
        </EmptyState>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {bots.data?.bots.map((bot) => (
          <Card key={bot.id} withBorder component={Link} to={`/bots/${bot.id}`} aria-label={bot.name}>
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600} truncate>
                {bot.name}
              </Text>
              {bot.deployedVersion !== null ? (
                <Badge color="green" variant="light">
                  {t("bots.deployedVersion", { version: bot.deployedVersion })}
                </Badge>
              ) : (
                <Badge color="gray" variant="light">
                  {t("bots.notDeployed")}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed" mt="xs">
              {t("bots.updatedAt", { date: new Date(bot.updatedAt).toLocaleString() })}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {writable ? (
        <CreateBotModal
          opened={mode !== null}
          mode={mode ?? "helper"}
          onMode={setMode}
          onClose={() => setMode(null)}
          workspaceId={wsId}
          onCreated={(bot) => {
            setMode(null);
            void queryClient.invalidateQueries({ queryKey: ["bots", wsId] });
            navigate(`/bots/${bot.id}`);
          }}
        />
      ) : null}
    </Stack>
  );
}
