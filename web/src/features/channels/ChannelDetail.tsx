/** One channel: its editable sections, connections, status and web chat, and (for admins) deletion. */
import { Button, Group, Stack, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { ConfirmModal } from "../../lib/ConfirmModal.js";
import { ErrorAlert, LoadingState } from "../../lib/states.js";
import { ChatSettingsSection } from "./ChatSettingsSection.js";
import { ConnectionsSection } from "./ConnectionsSection.js";
import { useChannel, useChannelStatus } from "./channel-api.js";
import { HomeSection } from "./HomeSection.js";
import { ProfileSection } from "./ProfileSection.js";
import { StatusSection } from "./StatusSection.js";
import { WebChatSection } from "./WebChatSection.js";

export function ChannelDetail(props: { channelId: string; workspaceId: string; canWrite: boolean; canOperate: boolean }) {
  const { t } = useTranslation();
  const channel = useChannel(props.channelId);
  // Both load before anything shows, so sections don't shift after a #profile / #home link scrolled.
  const status = useChannelStatus(props.channelId);
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.del(`/channels/${encodeURIComponent(props.channelId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["channels"] }),
  });
  if (channel.isPending || status.isPending) return <LoadingState />;
  if (!channel.data) return <ErrorAlert error={channel.error} />;
  const c = channel.data;
  return (
    <Stack data-testid="channel-detail">
      <Group justify="space-between">
        <Title order={3}>{c.name}</Title>
        {props.canWrite ? (
          <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
            {t("channelAdmin.delete")}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={remove.error} />
      <StatusSection channelId={c.id} />
      <ProfileSection channel={c} canWrite={props.canWrite} />
      <HomeSection channel={c} canWrite={props.canWrite} />
      <ChatSettingsSection channel={c} canWrite={props.canWrite} />
      <ConnectionsSection channel={c} workspaceId={props.workspaceId} canWrite={props.canWrite} />
      <WebChatSection channel={c} canOperate={props.canOperate} />
      <ConfirmModal
        opened={confirming}
        title={t("channelAdmin.deleteTitle")}
        message={t("channelAdmin.deleteConfirm", { name: c.name })}
        loading={remove.isPending}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
