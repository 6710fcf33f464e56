/**
 * What a chat room of this channel can reach right now, from GET /channels/:id/status, with the
 * conditions that block it: this is where an owner learns why users see
 * "상담원과의 대화가 불가능한 프로필입니다".
 */
import { Alert, Badge, Blockquote, Code, Group, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert, LoadingState } from "../../lib/states.js";
import { useChannelStatus } from "./channel-api.js";
import { Section } from "./Section.js";
import type { Reason } from "./types.js";

function Availability(props: { label: string; available: boolean; reasons: Reason[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid={props.testId}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {props.label}
        </Text>
        <Badge color={props.available ? "green" : "red"} variant="light">
          {props.available ? t("channelAdmin.status.available") : t("channelAdmin.status.unavailable")}
        </Badge>
      </Group>
      {props.reasons.length > 0 ? (
        <List size="sm" spacing={2} aria-label={`${props.label} ${t("channelAdmin.status.whyTitle")}`}>
          {props.reasons.map((r) => (
            <List.Item key={r.code} data-reason={r.code}>
              {t(`channelAdmin.status.reasons.${r.code}`, { defaultValue: r.message })} <Code fz="xs">{r.code}</Code>
            </List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}

export function StatusSection({ channelId }: { channelId: string }) {
  const { t } = useTranslation();
  const status = useChannelStatus(channelId);
  if (status.isPending) return <LoadingState />;
  if (!status.data) return <ErrorAlert error={status.error} />;
  const s = status.data;
  const everything = s.bot.available && s.operator.available;
  const yesNo = (v: boolean) => (v ? t("channelAdmin.yes") : t("channelAdmin.no"));
  return (
    <Section id="status" title={t("channelAdmin.status.title")} testId="channel-status">
      {everything ? (
        <Alert color="green" variant="light">
          {t("channelAdmin.status.allGood")}
        </Alert>
      ) : null}
      <Availability label={t("channelAdmin.status.bot")} available={s.bot.available} reasons={s.bot.reasons} testId="status-bot" />
      <Availability
        label={t("channelAdmin.status.operator")}
        available={s.operator.available}
        reasons={s.operator.reasons}
        testId="status-operator"
      />
      {s.inputBlocked ? (
        <Stack gap={2}>
          <Text size="sm">{t("channelAdmin.status.inputBlocked")}</Text>
          <Blockquote color="red" p="xs" data-testid="status-input-blocked">
            {s.inputBlocked}
          </Blockquote>
        </Stack>
      ) : s.operator.message ? (
        <Stack gap={2}>
          <Text size="sm">{t("channelAdmin.status.operatorMessage")}</Text>
          <Blockquote color="orange" p="xs" data-testid="status-operator-message">
            {s.operator.message}
          </Blockquote>
        </Stack>
      ) : null}
      <Text size="xs" c="dimmed">
        {t("channelAdmin.status.welcomeChannel", { state: yesNo(s.welcome.channelMessage) })} ·{" "}
        {t("channelAdmin.status.welcomeBlock", { state: yesNo(s.welcome.welcomeBlockOnFirstEntry) })}
      </Text>
    </Section>
  );
}
