/** Creates a channel with a name and a profile type; everything else is edited on the page. */
import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { ErrorAlert } from "../../lib/states.js";
import type { Channel, ProfileType } from "./types.js";

export function isProfileType(value: string): value is ProfileType {
  return value === "normal" || value === "alimtalk";
}

export function CreateChannelModal(props: { opened: boolean; onClose(): void; workspaceId: string; onCreated(id: string): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [profileType, setProfileType] = useState<ProfileType>("normal");
  const create = useMutation({
    mutationFn: () => api.post<Channel>("/channels", { workspaceId: props.workspaceId, name, profileType }),
    onSuccess: async (channel) => {
      await queryClient.invalidateQueries({ queryKey: ["channels"] });
      props.onCreated(channel.id);
      props.onClose();
      setName("");
      setProfileType("normal");
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t("channelAdmin.createTitle")}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label={t("channelAdmin.profile.name")}
            required
            maxLength={60}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t("channelAdmin.chat.profileType")}
            </Text>
            <SegmentedControl
              value={profileType}
              onChange={(v) => isProfileType(v) && setProfileType(v)}
              data={[
                { value: "normal", label: t("channelAdmin.chat.normal") },
                { value: "alimtalk", label: t("channelAdmin.chat.alimtalk") },
              ]}
            />
          </Stack>
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("channelAdmin.createSubmit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
