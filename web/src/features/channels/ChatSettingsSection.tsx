/** Profile type, 1:1 chat and the welcome message: the settings that decide operator availability. */
import { Button, Group, SegmentedControl, Stack, Switch, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../lib/states.js";
import { isProfileType } from "./CreateChannelModal.js";
import { useUpdateChannel } from "./channel-api.js";
import { ReadOnlyRows, Section } from "./Section.js";
import type { Channel, ProfileType } from "./types.js";

export function ChatSettingsSection({ channel, canWrite }: { channel: Channel; canWrite: boolean }) {
  const { t } = useTranslation();
  const [profileType, setProfileType] = useState<ProfileType>(channel.profileType);
  const [chatEnabled, setChatEnabled] = useState(channel.chatEnabled);
  const [welcomeMessage, setWelcomeMessage] = useState(channel.welcomeMessage);
  const save = useUpdateChannel(channel.id, () => notifications.show({ color: "green", message: t("channelAdmin.saved") }));

  if (!canWrite) {
    return (
      <Section id="chat" title={t("channelAdmin.chat.title")} testId="channel-chat">
        <ReadOnlyRows
          rows={[
            [t("channelAdmin.chat.profileType"), t(`channelAdmin.chat.${channel.profileType}`)],
            [t("channelAdmin.chat.chatEnabled"), channel.chatEnabled ? t("channelAdmin.yes") : t("channelAdmin.no")],
            [t("channelAdmin.chat.welcomeMessage"), channel.welcomeMessage],
          ]}
        />
      </Section>
    );
  }
  return (
    <Section id="chat" title={t("channelAdmin.chat.title")} testId="channel-chat">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ profileType, chatEnabled, welcomeMessage });
        }}
      >
        <Stack gap="xs">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t("channelAdmin.chat.profileType")}
            </Text>
            <SegmentedControl
              w="fit-content"
              value={profileType}
              onChange={(v) => isProfileType(v) && setProfileType(v)}
              data={[
                { value: "normal", label: t("channelAdmin.chat.normal") },
                { value: "alimtalk", label: t("channelAdmin.chat.alimtalk") },
              ]}
            />
            <Text size="xs" c="dimmed">
              {t("channelAdmin.chat.alimtalkHelp")}
            </Text>
          </Stack>
          <Switch
            label={t("channelAdmin.chat.chatEnabled")}
            description={t("channelAdmin.chat.chatEnabledHelp")}
            checked={chatEnabled}
            onChange={(e) => setChatEnabled(e.currentTarget.checked)}
          />
          <Textarea
            label={t("channelAdmin.chat.welcomeMessage")}
            description={t("channelAdmin.chat.welcomeMessageHelp")}
            autosize
            minRows={2}
            maxLength={1000}
            value={welcomeMessage}
            onChange={(e) => setWelcomeMessage(e.currentTarget.value)}
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="save-chat">
              {t("channelAdmin.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
