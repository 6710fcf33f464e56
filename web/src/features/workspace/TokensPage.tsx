/** API tokens: create (the secret is shown once), list and revoke. */
import { Alert, Button, Code, CopyButton, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { type ApiToken, ROLES, type Role } from "../../api/types.js";
import { useSession } from "../../auth/session.js";
import { can, roleAtLeast } from "../../lib/permissions.js";
import { EmptyState, ErrorAlert, LoadingState } from "../../lib/states.js";

export function TokensPage() {
  const { t } = useTranslation();
  const { workspace, role } = useSession();
  const queryClient = useQueryClient();
  const wsId = workspace?.id ?? "";
  const allowed = can(role, "token:manage");
  const tokens = useQuery({
    queryKey: ["tokens", wsId],
    queryFn: () => api.get<{ tokens: ApiToken[] }>(`/workspaces/${wsId}/tokens`),
    enabled: wsId !== "" && allowed,
  });
  const [name, setName] = useState("");
  const [tokenRole, setTokenRole] = useState<Role>("editor");
  const [created, setCreated] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["tokens", wsId] });
  const create = useMutation({
    mutationFn: () => api.post<{ token: string }>(`/workspaces/${wsId}/tokens`, { name, role: tokenRole }),
    onSuccess: (data) => {
      setCreated(data.token);
      setName("");
      void refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (id: string) => api.del(`/workspaces/${wsId}/tokens/${id}`), onSettled: refresh });
  if (!allowed) return <EmptyState title={t("tokens.notAllowed")} />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Stack>
      <Title order={2}>{t("tokens.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("tokens.help")}
      </Text>
      <Paper withBorder p="md">
        <form onSubmit={submit}>
          <Group align="flex-end">
            <TextInput label={t("tokens.name")} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <Select
              label={t("members.role")}
              value={tokenRole}
              allowDeselect={false}
              data={ROLES.filter((r) => role !== undefined && roleAtLeast(role, r)).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              onChange={(v) => {
                const next = ROLES.find((r) => r === v);
                if (next) setTokenRole(next);
              }}
            />
            <Button type="submit" loading={create.isPending}>
              {t("tokens.create")}
            </Button>
          </Group>
        </form>
      </Paper>
      {created ? (
        <Alert color="green" title={t("tokens.createdTitle")} withCloseButton onClose={() => setCreated(null)}>
          <Text size="sm">{t("tokens.showOnce")}</Text>
          <Group mt="xs">
            <Code data-testid="new-token">{created}</Code>
            <CopyButton value={created}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? t("common.copied") : t("common.copy")}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      ) : null}
      <ErrorAlert error={tokens.error ?? create.error ?? revoke.error} />
      {tokens.isPending ? <LoadingState /> : null}
      {tokens.data && tokens.data.tokens.length === 0 ? <EmptyState title={t("tokens.empty")} /> : null}
      {tokens.data && tokens.data.tokens.length > 0 ? (
        <Paper withBorder>
          <Table aria-label={t("tokens.title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("tokens.name")}</Table.Th>
                <Table.Th>{t("members.role")}</Table.Th>
                <Table.Th>{t("common.createdAt")}</Table.Th>
                <Table.Th>{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.tokens.map((tok) => (
                <Table.Tr key={tok.id}>
                  <Table.Td>{tok.name}</Table.Td>
                  <Table.Td>{t(`roles.${tok.role}`)}</Table.Td>
                  <Table.Td>{new Date(tok.createdAt).toLocaleString()}</Table.Td>
                  <Table.Td>
                    <Button size="xs" color="red" variant="subtle" onClick={() => revoke.mutate(tok.id)}>
                      {t("tokens.revoke")}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
    </Stack>
  );
}
