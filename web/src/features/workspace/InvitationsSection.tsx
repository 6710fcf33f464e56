/** Invitation links: invite by email and role; the person opens the link and sets their own password. */
import { ActionIcon, Button, CopyButton, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { ROLES, type Role } from "../../api/types.js";
import { ErrorAlert } from "../../lib/states.js";

interface Invitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
}

function isRole(value: string | null): value is Role {
  return value !== null && (ROLES as readonly string[]).includes(value);
}

export function InvitationsSection(props: { workspaceId: string; roles: readonly Role[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = ["invitations", props.workspaceId];
  const list = useQuery({
    queryKey: key,
    queryFn: () => api.get<{ invitations: Invitation[] }>(`/workspaces/${props.workspaceId}/invitations`),
  });
  const [form, setForm] = useState<{ email: string; role: Role }>({ email: "", role: "editor" });
  const [link, setLink] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api.post<{ link: string }>(`/workspaces/${props.workspaceId}/invitations`, form),
    onSuccess: (res) => {
      setLink(res.link);
      setForm({ email: "", role: form.role });
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => api.del(`/workspaces/${props.workspaceId}/invitations/${id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3}>{t("invitations.title")}</Title>
        <Text size="sm" c="dimmed">
          {t("invitations.help")}
        </Text>
        <form onSubmit={submit}>
          <Group align="flex-end">
            <TextInput
              label={t("auth.email")}
              type="email"
              required
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
            <Select
              label={t("members.role")}
              w={140}
              value={form.role}
              allowDeselect={false}
              data={props.roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              onChange={(value) => isRole(value) && setForm({ ...form, role: value })}
            />
            <Button type="submit" loading={create.isPending}>
              {t("invitations.create")}
            </Button>
          </Group>
        </form>
        <ErrorAlert error={create.error ?? withdraw.error ?? list.error} />
        {list.data && list.data.invitations.length > 0 ? (
          <Table aria-label={t("invitations.pending")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("auth.email")}</Table.Th>
                <Table.Th>{t("members.role")}</Table.Th>
                <Table.Th>{t("invitations.expires")}</Table.Th>
                <Table.Th>{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.invitations.map((inv) => (
                <Table.Tr key={inv.id}>
                  <Table.Td>{inv.email}</Table.Td>
                  <Table.Td>{t(`roles.${inv.role}`)}</Table.Td>
                  <Table.Td>{new Date(inv.expiresAt).toLocaleDateString()}</Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t("invitations.withdrawOf", { email: inv.email })}
                      onClick={() => withdraw.mutate(inv.id)}
                    >
                      ✕
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
      <Modal opened={link !== null} onClose={() => setLink(null)} title={t("invitations.createdTitle")}>
        <Stack>
          <Text size="sm">{t("invitations.sendLink")}</Text>
          <TextInput readOnly value={link ?? ""} aria-label={t("invitations.link")} onFocus={(e) => e.currentTarget.select()} />
          <Group justify="flex-end">
            <CopyButton value={link ?? ""}>
              {({ copied, copy }) => <Button onClick={copy}>{copied ? t("invitations.copied") : t("invitations.copy")}</Button>}
            </CopyButton>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
