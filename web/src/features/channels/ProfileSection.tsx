/**
 * The channel's own profile (#profile): name, image, intro, phone, address. The note explains that
 * a bot's copy of phone and address (made by the chatbot helper) is separate.
 */
import { Alert, Avatar, Button, Group, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../lib/states.js";
import { useUpdateChannel } from "./channel-api.js";
import { ReadOnlyRows, Section } from "./Section.js";
import type { Channel } from "./types.js";

export function ProfileSection({ channel, canWrite }: { channel: Channel; canWrite: boolean }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    name: channel.name,
    profileImageUrl: channel.profileImageUrl ?? "",
    intro: channel.intro,
    phone: channel.phone,
    address: channel.address,
  });
  const save = useUpdateChannel(channel.id, () => notifications.show({ color: "green", message: t("channelAdmin.saved") }));
  const image = canWrite ? form.profileImageUrl.trim() : (channel.profileImageUrl ?? "");
  return (
    <Section id="profile" title={t("channelAdmin.profile.title")} testId="channel-profile">
      <Alert color="blue" variant="light" data-testid="bot-copy-note">
        {t("channelAdmin.profile.botCopyNote")}
      </Alert>
      <Group align="flex-start" wrap="nowrap">
        <Avatar src={/^https?:\/\//.test(image) ? image : null} size="lg" radius="md" alt="" />
        {canWrite ? (
          <form
            style={{ flex: 1 }}
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate({ ...form, name: form.name.trim(), profileImageUrl: form.profileImageUrl.trim() || null });
            }}
          >
            <Stack gap="xs">
              <TextInput
                label={t("channelAdmin.profile.name")}
                required
                maxLength={60}
                value={form.name}
                onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
              />
              <TextInput
                label={t("channelAdmin.profile.imageUrl")}
                description={t("channelAdmin.profile.imageUrlHelp")}
                type="url"
                value={form.profileImageUrl}
                onChange={(e) => setForm({ ...form, profileImageUrl: e.currentTarget.value })}
              />
              <Textarea
                label={t("channelAdmin.profile.intro")}
                autosize
                minRows={2}
                maxLength={500}
                value={form.intro}
                onChange={(e) => setForm({ ...form, intro: e.currentTarget.value })}
              />
              <Group grow>
                <TextInput
                  label={t("channelAdmin.profile.phone")}
                  maxLength={30}
                  value={form.phone}
                  onChange={(e) => setForm({ ...form, phone: e.currentTarget.value })}
                />
                <TextInput
                  label={t("channelAdmin.profile.address")}
                  maxLength={200}
                  value={form.address}
                  onChange={(e) => setForm({ ...form, address: e.currentTarget.value })}
                />
              </Group>
              <ErrorAlert error={save.error} />
              <Group justify="flex-end">
                <Button type="submit" loading={save.isPending} data-testid="save-profile">
                  {t("channelAdmin.save")}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <ReadOnlyRows
            rows={[
              [t("channelAdmin.profile.name"), channel.name],
              [t("channelAdmin.profile.imageUrl"), channel.profileImageUrl],
              [t("channelAdmin.profile.intro"), channel.intro],
              [t("channelAdmin.profile.phone"), channel.phone],
              [t("channelAdmin.profile.address"), channel.address],
            ]}
          />
        )}
      </Group>
    </Section>
  );
}
