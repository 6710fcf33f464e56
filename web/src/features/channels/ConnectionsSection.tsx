/** The operating and development bot slots: state, and (for admins) connect and disconnect. */
import { Anchor, Badge, Button, Group, Select, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../lib/states.js";
import { useConnection, useWorkspaceBots } from "./channel-api.js";
import { Section } from "./Section.js";
import type { BotConnection, Channel, ConnectionRole, ConnectionState } from "./types.js";

const STATE_COLOR: Record<ConnectionState, string> = { none: "gray", connected: "green", not_deployed: "yellow", broken: "red" };
const ROLES: readonly ConnectionRole[] = ["operating", "development"];

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" size="sm">
      {t(`channelAdmin.connections.state.${state}`)}
    </Badge>
  );
}

export function ConnectionsSection(props: { channel: Channel; workspaceId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const { connect, disconnect } = useConnection(props.channel.id);
  const bots = useWorkspaceBots(props.workspaceId, props.canWrite);
  const [choice, setChoice] = useState<Record<ConnectionRole, string | null>>({ operating: null, development: null });
  const slot = (role: ConnectionRole): BotConnection =>
    props.channel.connections.find((c) => c.role === role) ?? { role, botId: null, botName: null, state: "none" };
  const used = new Set(props.channel.connections.map((c) => c.botId).filter((id) => id !== null));
  const options = (bots.data?.bots ?? []).filter((b) => !used.has(b.id)).map((b) => ({ value: b.id, label: b.name }));

  return (
    <Section id="connections" title={t("channelAdmin.connections.title")} testId="channel-connections">
      <Text size="sm" c="dimmed">
        {t("channelAdmin.connections.help")}
      </Text>
      <Table>
        <Table.Tbody>
          {ROLES.map((role) => {
            const c = slot(role);
            const roleLabel = t(`channelAdmin.connections.${role}`);
            return (
              <Table.Tr key={role} data-testid={`connection-${role}`}>
                <Table.Td w={120}>
                  <Text size="sm" fw={600}>
                    {roleLabel}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Group gap="xs">
                      <ConnectionBadge state={c.state} />
                      {c.botId && c.state !== "broken" ? (
                        <Anchor component={Link} to={`/bots/${c.botId}`} size="sm">
                          {c.botName ?? c.botId}
                        </Anchor>
                      ) : c.botId ? (
                        <Text size="sm" c="dimmed">
                          {c.botId}
                        </Text>
                      ) : null}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t(`channelAdmin.connections.stateHelp.${c.state}`)}
                    </Text>
                  </Stack>
                </Table.Td>
                {props.canWrite ? (
                  <Table.Td w={320}>
                    {c.botId ? (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        aria-label={t("channelAdmin.connections.disconnectOf", { role: roleLabel })}
                        loading={disconnect.isPending && disconnect.variables === role}
                        onClick={() => disconnect.mutate(role)}
                      >
                        {t("channelAdmin.connections.disconnect")}
                      </Button>
                    ) : (
                      <Group gap="xs" wrap="nowrap">
                        <Select
                          size="xs"
                          aria-label={`${roleLabel} ${t("channelAdmin.connections.chooseBot")}`}
                          placeholder={t("channelAdmin.connections.chooseBot")}
                          data={options}
                          value={choice[role]}
                          onChange={(v) => setChoice({ ...choice, [role]: v })}
                          nothingFoundMessage={t("channelAdmin.connections.noBots")}
                          searchable
                        />
                        <Button
                          size="xs"
                          disabled={!choice[role]}
                          loading={connect.isPending && connect.variables?.role === role}
                          onClick={() => {
                            const botId = choice[role];
                            if (botId) connect.mutate({ role, botId }, { onSuccess: () => setChoice({ ...choice, [role]: null }) });
                          }}
                        >
                          {t("channelAdmin.connections.connect")}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <ErrorAlert error={connect.error ?? disconnect.error} />
    </Section>
  );
}
