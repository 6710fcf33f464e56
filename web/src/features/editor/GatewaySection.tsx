/**
 * 게이트웨이: botcenter as a skill of a bot on the hosted platform. The secret is shown once, right
 * after it is made; only editors and up (bot:deploy) may turn the gateway on, rotate or turn it off.
 */
import { Alert, Badge, Button, Code, CopyButton, Group, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { ConfirmModal } from "../../lib/ConfirmModal.js";
import { ErrorAlert, LoadingState } from "../../lib/states.js";

interface GatewayStatus {
  enabled: boolean;
  header: string;
  url: string;
}

interface GatewaySecret {
  header: string;
  secret: string;
  url: string;
}

function CopyValue({ value, label, testId }: { value: string; label: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button size="xs" variant="light" color={copied ? "teal" : undefined} onClick={copy} aria-label={label} data-testid={testId}>
          {copied ? t("common.copied") : t("common.copy")}
        </Button>
      )}
    </CopyButton>
  );
}

function Field({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code style={{ flex: 1, wordBreak: "break-all" }} data-testid={`${testId}-value`}>
          {value}
        </Code>
        <CopyValue value={value} label={label} testId={`${testId}-copy`} />
      </Group>
    </Stack>
  );
}

export function GatewaySection({ botId, canManage }: { botId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [shown, setShown] = useState<GatewaySecret | null>(null);
  const [confirmOff, setConfirmOff] = useState(false);
  const status = useQuery({ queryKey: ["gateway", botId], queryFn: () => api.get<GatewayStatus>(`/bots/${botId}/gateway`) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["gateway", botId] });
  const rotate = useMutation({
    mutationFn: () => api.post<GatewaySecret>(`/bots/${botId}/gateway/secret`),
    onSuccess: (secret) => {
      setShown(secret);
      void refresh();
    },
  });
  const disable = useMutation({
    mutationFn: () => api.del<null>(`/bots/${botId}/gateway/secret`),
    onSuccess: () => void refresh(),
  });
  return (
    <Paper withBorder p="md" data-testid="gateway-section">
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={4}>{t("gateway.title")}</Title>
          {status.data ? (
            <Badge color={status.data.enabled ? "green" : "gray"} variant="light" data-testid="gateway-status">
              {status.data.enabled ? t("gateway.on") : t("gateway.off")}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          {t("gateway.help")}
        </Text>
        {status.isPending ? <LoadingState /> : null}
        <ErrorAlert error={status.error ?? rotate.error ?? disable.error} />
        {status.data ? (
          <>
            <Field label={t("gateway.url")} value={status.data.url} testId="gateway-url" />
            <Field label={t("gateway.header")} value={status.data.header} testId="gateway-header" />
            {status.data.enabled ? (
              <Text size="xs" c="dimmed">
                {t("gateway.secretHidden")}
              </Text>
            ) : null}
            {canManage ? (
              <Group gap="xs">
                <Button size="sm" variant="light" loading={rotate.isPending} onClick={() => rotate.mutate()}>
                  {status.data.enabled ? t("gateway.rotate") : t("gateway.enable")}
                </Button>
                {status.data.enabled ? (
                  <Button size="sm" color="red" variant="subtle" loading={disable.isPending} onClick={() => setConfirmOff(true)}>
                    {t("gateway.disable")}
                  </Button>
                ) : null}
              </Group>
            ) : (
              <Text size="xs" c="dimmed">
                {t("gateway.editorsOnly")}
              </Text>
            )}
          </>
        ) : null}
      </Stack>
      <Modal opened={shown !== null} onClose={() => setShown(null)} title={t("gateway.secretTitle")} size="lg">
        {shown ? (
          <Stack>
            <Alert color="yellow">
              <Text size="sm">{t("gateway.secretOnce")}</Text>
            </Alert>
            <Field label={t("gateway.url")} value={shown.url} testId="gateway-secret-url" />
            <Field label={t("gateway.header")} value={shown.header} testId="gateway-secret-header" />
            <Field label={t("gateway.secret")} value={shown.secret} testId="gateway-secret" />
            <Text size="xs" c="dimmed">
              {t("gateway.secretHowTo")}
            </Text>
            <Group justify="flex-end">
              <Button onClick={() => setShown(null)}>{t("gateway.done")}</Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
      <ConfirmModal
        opened={confirmOff}
        title={t("gateway.disableTitle")}
        message={t("gateway.disableConfirm")}
        confirmLabel={t("gateway.disable")}
        onConfirm={() => disable.mutate()}
        onClose={() => setConfirmOff(false)}
      />
    </Paper>
  );
}
