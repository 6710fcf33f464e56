/** Deploy the saved draft with a note, see what it changes, browse versions and roll back. */
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";
import type { BotDiff, VersionSummary } from "../../api/types.js";
import { useSession } from "../../auth/session.js";
import { can } from "../../lib/permissions.js";
import { EmptyState, ErrorAlert, LoadingState } from "../../lib/states.js";
import { DiffView } from "./DiffView.js";

export function VersionsPanel({ botId, deployedVersion, dirty }: { botId: string; deployedVersion: number | null; dirty: boolean }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const queryClient = useQueryClient();
  const deployable = can(role, "bot:deploy");
  const [note, setNote] = useState("");
  const [diffOf, setDiffOf] = useState<number | null>(null);
  const [rollbackTo, setRollbackTo] = useState<number | null>(null);
  const versions = useQuery({
    queryKey: ["versions", botId],
    queryFn: () => api.get<{ deployedVersion: number | null; versions: VersionSummary[] }>(`/bots/${botId}/versions`),
  });
  const pending = useQuery({
    queryKey: ["diff", botId, deployedVersion],
    queryFn: () => api.get<{ from: number; diff: BotDiff }>(`/bots/${botId}/diff`),
    enabled: deployedVersion !== null,
  });
  const versionDiff = useQuery({
    queryKey: ["diff", botId, "version", diffOf],
    queryFn: () => api.get<{ from: number; diff: BotDiff }>(`/bots/${botId}/diff?version=${diffOf}`),
    enabled: diffOf !== null,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ["versions", botId] });
    void queryClient.invalidateQueries({ queryKey: ["diff", botId] });
    void queryClient.invalidateQueries({ queryKey: ["bot", botId] });
    void queryClient.invalidateQueries({ queryKey: ["bots"] });
  };
  const deploy = useMutation({
    mutationFn: () => api.post<VersionSummary>(`/bots/${botId}/deploy`, { note }),
    onSuccess: (v) => {
      setNote("");
      refresh();
      notifications.show({ color: "green", message: t("versions.deployed", { version: v.version }) });
    },
  });
  const rollback = useMutation({
    mutationFn: (version: number) => api.post(`/bots/${botId}/rollback`, { version }),
    onSuccess: (_, version) => {
      setRollbackTo(null);
      refresh();
      notifications.show({ color: "green", message: t("versions.rolledBack", { version }) });
    },
  });
  const current = versions.data?.deployedVersion ?? deployedVersion;
  return (
    <Stack maw={900}>
      {deployable ? (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={4}>{t("versions.deployTitle")}</Title>
            {dirty ? <Alert color="orange">{t("versions.unsavedWarning")}</Alert> : null}
            {current !== null ? (
              <>
                <Text size="sm" fw={600}>
                  {t("versions.pendingChanges", { version: current })}
                </Text>
                {pending.isPending ? <LoadingState /> : null}
                {pending.data ? <DiffView diff={pending.data.diff} /> : null}
                <ErrorAlert error={pending.error instanceof ApiError && pending.error.status === 404 ? null : pending.error} />
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t("versions.firstDeploy")}
              </Text>
            )}
            <Textarea
              label={t("versions.note")}
              placeholder={t("versions.notePlaceholder")}
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <ErrorAlert error={deploy.error} />
            <Group>
              <Button onClick={() => deploy.mutate()} loading={deploy.isPending}>
                {t("versions.deploy")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t("versions.history")}
        </Title>
        <ErrorAlert error={versions.error ?? rollback.error} />
        {versions.isPending ? <LoadingState /> : null}
        {versions.data && versions.data.versions.length === 0 ? <EmptyState title={t("versions.empty")} /> : null}
        {versions.data && versions.data.versions.length > 0 ? (
          <Table aria-label={t("versions.history")} data-testid="versions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("versions.version")}</Table.Th>
                <Table.Th>{t("versions.note")}</Table.Th>
                <Table.Th>{t("versions.by")}</Table.Th>
                <Table.Th>{t("common.createdAt")}</Table.Th>
                <Table.Th>{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.data.versions.map((v) => (
                <Table.Tr key={v.version} data-testid={`version-${v.version}`}>
                  <Table.Td>
                    v{v.version}{" "}
                    {v.version === current ? (
                      <Badge size="xs" color="green">
                        {t("versions.serving")}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{v.note || "—"}</Table.Td>
                  <Table.Td>{v.createdBy ?? "—"}</Table.Td>
                  <Table.Td>{new Date(v.createdAt).toLocaleString()}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="xs" variant="subtle" onClick={() => setDiffOf(v.version)}>
                        {t("versions.compare")}
                      </Button>
                      {deployable && v.version !== current ? (
                        <Button size="xs" variant="light" color="orange" onClick={() => setRollbackTo(v.version)}>
                          {t("versions.rollback")}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Paper>
      <Modal
        opened={diffOf !== null}
        onClose={() => setDiffOf(null)}
        title={t("versions.compareTitle", { version: diffOf ?? 0 })}
        size="lg"
      >
        {versionDiff.isPending ? <LoadingState /> : null}
        <ErrorAlert error={versionDiff.error} />
        {versionDiff.data ? <DiffView diff={versionDiff.data.diff} /> : null}
      </Modal>
      <Modal opened={rollbackTo !== null} onClose={() => setRollbackTo(null)} title={t("versions.rollbackTitle")}>
        <Stack>
          <Text size="sm">{t("versions.rollbackConfirm", { version: rollbackTo ?? 0 })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRollbackTo(null)}>
              {t("common.cancel")}
            </Button>
            <Button color="orange" loading={rollback.isPending} onClick={() => rollbackTo !== null && rollback.mutate(rollbackTo)}>
              {t("versions.rollbackSubmit", { version: rollbackTo ?? 0 })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
