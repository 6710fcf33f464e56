/** Where users reach the channel: the chat page, the one-line embed, and the operator console link. */
import { Anchor, Button, Code, CopyButton, Group, PasswordInput, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { chatPageUrl, embedSnippet, operatorConsolePath } from "./embed.js";
import { Section } from "./Section.js";
import type { Channel } from "./types.js";

function CopyValue(props: { value: string; label: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={props.value}>
      {({ copied, copy }) => (
        <Button
          size="xs"
          variant="light"
          color={copied ? "teal" : undefined}
          onClick={copy}
          aria-label={props.label}
          data-testid={props.testId}
        >
          {copied ? t("common.copied") : t("common.copy")}
        </Button>
      )}
    </CopyButton>
  );
}

export function WebChatSection({ channel, canOperate }: { channel: Channel; canOperate: boolean }) {
  const { t } = useTranslation();
  const origin = window.location.origin;
  const url = chatPageUrl(origin, channel.id);
  const snippet = embedSnippet(origin, channel.id);
  return (
    <Section id="web-chat" title={t("channelAdmin.webChat.title")} testId="channel-web-chat">
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t("channelAdmin.webChat.url")}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Code data-testid="chat-url" style={{ overflowWrap: "anywhere" }}>
            {url}
          </Code>
          <CopyValue value={url} label={t("channelAdmin.webChat.copyUrl")} testId="copy-chat-url" />
          <Anchor href={url} target="_blank" rel="noopener" size="sm">
            {t("channelAdmin.webChat.open")}
          </Anchor>
        </Group>
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t("channelAdmin.webChat.embed")}
        </Text>
        <Code block data-testid="embed-snippet">
          {snippet}
        </Code>
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t("channelAdmin.webChat.embedHelp")}
          </Text>
          <CopyValue value={snippet} label={t("channelAdmin.webChat.copyEmbed")} testId="copy-embed" />
        </Group>
      </Stack>
      {channel.secret ? (
        <Group align="flex-end" gap="xs">
          <PasswordInput
            label={t("channelAdmin.webChat.secret")}
            description={t("channelAdmin.webChat.secretHelp")}
            value={channel.secret}
            readOnly
            visibilityToggleButtonProps={{ "aria-label": t("channelAdmin.webChat.showSecret") }}
            style={{ flex: 1 }}
          />
          <CopyValue value={channel.secret} label={t("channelAdmin.webChat.copySecret")} testId="copy-secret" />
        </Group>
      ) : null}
      {canOperate ? (
        <Stack gap={2}>
          {/* A server page outside the admin app, so a plain link rather than the router's. */}
          <Anchor href={operatorConsolePath(channel.id)} target="_blank" rel="noopener" data-testid="operator-console-link">
            {t("channelAdmin.webChat.operatorConsole")}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t("channelAdmin.webChat.operatorConsoleHelp")}
          </Text>
        </Stack>
      ) : null}
    </Section>
  );
}
