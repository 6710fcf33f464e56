/**
 * Channels of the current workspace: the list, and the selected channel's profile (#profile),
 * channel home (#home), chat settings, bot connections, room status and web chat. Only admins and
 * owners (channel:write) see write controls.
 */
import "./i18n.js";
import { Button, Grid, Group, NavLink, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useSession } from "../../auth/session.js";
import { roleAtLeast } from "../../lib/permissions.js";
import { EmptyState, ErrorAlert, LoadingState } from "../../lib/states.js";
import { ChannelDetail } from "./ChannelDetail.js";
import { ConnectionBadge } from "./ConnectionsSection.js";
import { CreateChannelModal } from "./CreateChannelModal.js";
import { useChannelList } from "./channel-api.js";

export function ChannelsPage() {
  const { t } = useTranslation();
  const { workspace, role } = useSession();
  const wsId = workspace?.id ?? "";
  const canWrite = role !== undefined && roleAtLeast(role, "admin");
  const canOperate = role !== undefined && roleAtLeast(role, "editor");
  const list = useChannelList(wsId);
  const [search, setSearch] = useSearchParams();
  const [creating, { open, close }] = useDisclosure(false);
  const channels = list.data?.channels ?? [];
  const selectedId = channels.some((c) => c.id === search.get("channel")) ? search.get("channel") : (channels[0]?.id ?? null);
  const select = (id: string) => setSearch({ channel: id }, { replace: true });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("channelAdmin.title")}</Title>
        {canWrite ? <Button onClick={open}>{t("channelAdmin.create")}</Button> : null}
      </Group>
      <Text size="sm" c="dimmed">
        {t("channelAdmin.intro")}
      </Text>
      {!canWrite ? (
        <Text size="sm" c="dimmed" data-testid="channels-read-only">
          {t("channelAdmin.readOnly")}
        </Text>
      ) : null}
      <ErrorAlert error={list.error} />
      {list.isPending && wsId !== "" ? <LoadingState /> : null}
      {list.data && channels.length === 0 ? (
        <EmptyState title={t("channelAdmin.empty")}>
          <Text size="sm" c="dimmed">
            {t("channelAdmin.emptyHelp")}
          </Text>
        </EmptyState>
      ) : null}
      {/* The anchors stay on the page even before a channel exists, so helper links always land. */}
      {channels.length === 0 ? (
        <Stack gap={0}>
          <span id="profile" />
          <span id="home" />
        </Stack>
      ) : null}
      {channels.length > 0 && selectedId ? (
        <Grid>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Paper withBorder p={4} component="nav" aria-label={t("channelAdmin.list")}>
              {channels.map((c) => {
                const operating = c.connections.find((x) => x.role === "operating");
                return (
                  <NavLink
                    key={c.id}
                    label={c.name}
                    description={operating?.botName ?? undefined}
                    active={c.id === selectedId}
                    onClick={() => select(c.id)}
                    rightSection={operating ? <ConnectionBadge state={operating.state} /> : null}
                  />
                );
              })}
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            <ChannelDetail key={selectedId} channelId={selectedId} workspaceId={wsId} canWrite={canWrite} canOperate={canOperate} />
          </Grid.Col>
        </Grid>
      ) : null}
      {canWrite ? <CreateChannelModal opened={creating} onClose={close} workspaceId={wsId} onCreated={select} /> : null}
    </Stack>
  );
}
