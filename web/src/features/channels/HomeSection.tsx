/** Channel home settings (#home): cover image, links and whether the home is public. */
import { ActionIcon, Anchor, Button, Group, List, Stack, Switch, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../lib/states.js";
import { safeHttpUrl } from "../../renderer/safe-url.js";
import { useUpdateChannel } from "./channel-api.js";
import { ReadOnlyRows, Section } from "./Section.js";
import type { Channel, ChannelHome } from "./types.js";

const MAX_LINKS = 10;

export function HomeSection({ channel, canWrite }: { channel: Channel; canWrite: boolean }) {
  const { t } = useTranslation();
  const [cover, setCover] = useState(channel.home.coverImageUrl ?? "");
  const [isPublic, setPublic] = useState(channel.home.public ?? false);
  const [links, setLinks] = useState(channel.home.links ?? []);
  const save = useUpdateChannel(channel.id, () => notifications.show({ color: "green", message: t("channelAdmin.saved") }));
  const submit = () => {
    const home: ChannelHome = {
      public: isPublic,
      links: links.map((l) => ({ label: l.label.trim(), url: l.url.trim() })).filter((l) => l.label !== "" || l.url !== ""),
    };
    if (cover.trim() !== "") home.coverImageUrl = cover.trim();
    save.mutate({ home });
  };
  const setLink = (index: number, patch: Partial<{ label: string; url: string }>) =>
    setLinks(links.map((l, i) => (i === index ? { ...l, ...patch } : l)));

  if (!canWrite) {
    const saved = channel.home.links ?? [];
    return (
      <Section id="home" title={t("channelAdmin.home.title")} testId="channel-home">
        <ReadOnlyRows
          rows={[
            [t("channelAdmin.home.coverImageUrl"), channel.home.coverImageUrl],
            [t("channelAdmin.home.public"), channel.home.public ? t("channelAdmin.yes") : t("channelAdmin.no")],
          ]}
        />
        <Text size="xs" c="dimmed">
          {t("channelAdmin.home.links")}
        </Text>
        {saved.length === 0 ? (
          <Text size="sm">{t("channelAdmin.home.noLinks")}</Text>
        ) : (
          <List size="sm">
            {saved.map((l) => {
              // Stored URLs are only checked to parse; a javascript: link must not become clickable.
              const href = safeHttpUrl(l.url);
              return (
                <List.Item key={`${l.label}|${l.url}`}>
                  {href ? (
                    <Anchor href={href} target="_blank" rel="noopener noreferrer">
                      {l.label}
                    </Anchor>
                  ) : (
                    `${l.label} (${l.url})`
                  )}
                </List.Item>
              );
            })}
          </List>
        )}
      </Section>
    );
  }

  return (
    <Section id="home" title={t("channelAdmin.home.title")} testId="channel-home">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="xs">
          <TextInput
            label={t("channelAdmin.home.coverImageUrl")}
            type="url"
            value={cover}
            onChange={(e) => setCover(e.currentTarget.value)}
          />
          <Switch label={t("channelAdmin.home.public")} checked={isPublic} onChange={(e) => setPublic(e.currentTarget.checked)} />
          <Text size="sm" fw={500}>
            {t("channelAdmin.home.links")}
          </Text>
          {links.map((link, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id
            <Group key={index} align="flex-end" wrap="nowrap">
              <TextInput
                label={t("channelAdmin.home.linkLabel")}
                maxLength={40}
                required
                value={link.label}
                onChange={(e) => setLink(index, { label: e.currentTarget.value })}
                style={{ flex: 1 }}
              />
              <TextInput
                label={t("channelAdmin.home.linkUrl")}
                type="url"
                required
                value={link.url}
                onChange={(e) => setLink(index, { url: e.currentTarget.value })}
                style={{ flex: 2 }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mb={4}
                aria-label={t("channelAdmin.home.removeLink", { index: index + 1 })}
                onClick={() => setLinks(links.filter((_, i) => i !== index))}
              >
                ✕
              </ActionIcon>
            </Group>
          ))}
          <Group justify="space-between">
            <Button
              variant="light"
              size="xs"
              disabled={links.length >= MAX_LINKS}
              onClick={() => setLinks([...links, { label: "", url: "" }])}
            >
              {t("channelAdmin.home.addLink")}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="save-home">
              {t("channelAdmin.save")}
            </Button>
          </Group>
          <ErrorAlert error={save.error} />
        </Stack>
      </form>
    </Section>
  );
}
