/** Members and roles of the current workspace; only admins and owners see the write controls. */
import { ActionIcon, Button, Group, Modal, Paper, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { type Member, ROLES, type Role } from "../../api/types.js";
import { useSession } from "../../auth/session.js";
import { ConfirmModal } from "../../lib/ConfirmModal.js";
import { can, roleAtLeast } from "../../lib/permissions.js";
import { EmptyState, ErrorAlert, LoadingState } from "../../lib/states.js";
import { InvitationsSection } from "./InvitationsSection.js";

function isRoleValue(value: string | null): value is Role {
  return value !== null && (ROLES as readonly string[]).includes(value);
}

export function MembersPage() {
  const { t } = useTranslation();
  const { workspace, role, session } = useSession();
  const queryClient = useQueryClient();
  const wsId = workspace?.id ?? "";
  const members = useQuery({
    queryKey: ["members", wsId],
    queryFn: () => api.get<{ members: Member[] }>(`/workspaces/${wsId}/members`),
    enabled: wsId !== "",
  });
  const manage = can(role, "member:manage");
  const grantable = ROLES.filter((r) => role !== undefined && roleAtLeast(role, r));
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["members", wsId] });
  const changeRole = useMutation({
    mutationFn: (v: { userId: string; role: Role }) => api.patch(`/workspaces/${wsId}/members/${v.userId}`, { role: v.role }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api.del(`/workspaces/${wsId}/members/${userId}`),
    onSettled: refresh,
  });
  const [opened, { open, close }] = useDisclosure(false);
  const [confirmRemove, setConfirmRemove] = useState<Member | null>(null);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("members.title")}</Title>
        {manage ? <Button onClick={open}>{t("members.invite")}</Button> : null}
      </Group>
      {!manage ? (
        <Text size="sm" c="dimmed">
          {t("members.readOnly")}
        </Text>
      ) : null}
      <ErrorAlert error={members.error ?? changeRole.error ?? remove.error} />
      {members.isPending ? <LoadingState /> : null}
      {members.data && members.data.members.length === 0 ? <EmptyState title={t("members.empty")} /> : null}
      {members.data && members.data.members.length > 0 ? (
        <Paper withBorder>
          <Table striped aria-label={t("members.title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("members.name")}</Table.Th>
                <Table.Th>{t("auth.email")}</Table.Th>
                <Table.Th>{t("members.role")}</Table.Th>
                {manage ? <Table.Th>{t("common.actions")}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.members.map((m) => {
                const editable = manage && role !== undefined && roleAtLeast(role, m.role) && m.userId !== session?.user.id;
                return (
                  <Table.Tr key={m.userId}>
                    <Table.Td>{m.name}</Table.Td>
                    <Table.Td>{m.email}</Table.Td>
                    <Table.Td>
                      {editable ? (
                        <Select
                          size="xs"
                          w={130}
                          aria-label={t("members.roleOf", { name: m.name })}
                          value={m.role}
                          allowDeselect={false}
                          data={grantable.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                          onChange={(value) => isRoleValue(value) && changeRole.mutate({ userId: m.userId, role: value })}
                        />
                      ) : (
                        t(`roles.${m.role}`)
                      )}
                    </Table.Td>
                    {manage ? (
                      <Table.Td>
                        {editable ? (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t("members.removeOf", { name: m.name })}
                            onClick={() => setConfirmRemove(m)}
                          >
                            ✕
                          </ActionIcon>
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
      <Text size="sm" c="dimmed">
        {t("members.rolesHelp")}
      </Text>
      {manage ? <InvitationsSection workspaceId={wsId} roles={grantable} /> : null}
      {manage ? <InviteModal opened={opened} onClose={close} workspaceId={wsId} roles={grantable} onDone={refresh} /> : null}
      <ConfirmModal
        opened={confirmRemove !== null}
        title={t("members.removeTitle")}
        message={t("members.removeConfirm", { name: confirmRemove?.name ?? "" })}
        onConfirm={() => confirmRemove && remove.mutate(confirmRemove.userId)}
        onClose={() => setConfirmRemove(null)}
      />
    </Stack>
  );
}

function InviteModal(props: { opened: boolean; onClose(): void; workspaceId: string; roles: readonly Role[]; onDone(): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<{ email: string; name: string; password: string; role: Role }>({
    email: "",
    name: "",
    password: "",
    role: "editor",
  });
  const invite = useMutation({
    mutationFn: () =>
      api.post(`/workspaces/${props.workspaceId}/members`, {
        email: form.email,
        role: form.role,
        ...(form.name ? { name: form.name } : {}),
        ...(form.password ? { password: form.password } : {}),
      }),
    onSuccess: () => {
      props.onDone();
      props.onClose();
      setForm({ email: "", name: "", password: "", role: "editor" });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t("members.invite")}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label={t("auth.email")}
            type="email"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          />
          <Select
            label={t("members.role")}
            value={form.role}
            allowDeselect={false}
            data={props.roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            onChange={(value) => isRoleValue(value) && setForm({ ...form, role: value })}
          />
          <TextInput label={t("members.name")} value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
          <PasswordInput
            label={t("members.initialPassword")}
            description={t("members.initialPasswordHelp")}
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
          />
          <ErrorAlert error={invite.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t("members.inviteSubmit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
