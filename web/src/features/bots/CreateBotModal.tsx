/** New bot: from scratch, by importing a bot file (errors listed by path and line), or with the helper. */
import { Button, FileButton, Group, Modal, Select, Stack, Tabs, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import type { BotRecord } from "../../api/types.js";
import { ErrorAlert } from "../../lib/states.js";
import { HelperWizard } from "../helper/HelperWizard.js";

export type CreateMode = "scratch" | "import" | "helper";

export function CreateBotModal(props: {
  opened: boolean;
  mode: CreateMode;
  onMode(mode: CreateMode): void;
  onClose(): void;
  workspaceId: string;
  onCreated(bot: BotRecord): void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t("bots.create")} size="lg">
      <Tabs
        keepMounted={false}
        value={props.mode}
        onChange={(v) => (v === "scratch" || v === "import" || v === "helper") && props.onMode(v)}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="helper">{t("bots.modeHelper")}</Tabs.Tab>
          <Tabs.Tab value="scratch">{t("bots.modeScratch")}</Tabs.Tab>
          <Tabs.Tab value="import">{t("bots.modeImport")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="helper">
          <HelperWizard workspaceId={props.workspaceId} onCreated={props.onCreated} />
        </Tabs.Panel>
        <Tabs.Panel value="scratch">
          <ScratchForm workspaceId={props.workspaceId} onCreated={props.onCreated} />
        </Tabs.Panel>
        <Tabs.Panel value="import">
          <ImportForm workspaceId={props.workspaceId} onCreated={props.onCreated} />
        </Tabs.Panel>
      </Tabs>
    </Modal>
  );
}

function ScratchForm({ workspaceId, onCreated }: { workspaceId: string; onCreated(bot: BotRecord): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [language, setLanguage] = useState<"ko" | "en">("ko");
  const create = useMutation({
    mutationFn: () => api.post<BotRecord>("/bots", { workspaceId, name, description, language }),
    onSuccess: onCreated,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label={t("bots.name")} required maxLength={100} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Textarea
          label={t("bots.description")}
          maxLength={1000}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Select
          label={t("settings.language")}
          value={language}
          allowDeselect={false}
          data={[
            { value: "ko", label: t("settings.languageKo") },
            { value: "en", label: t("settings.languageEn") },
          ]}
          onChange={(v) => setLanguage(v === "en" ? "en" : "ko")}
        />
        <Text size="xs" c="dimmed">
          {t("bots.scratchHelp")}
        </Text>
        <ErrorAlert error={create.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t("bots.createSubmit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ImportForm({ workspaceId, onCreated }: { workspaceId: string; onCreated(bot: BotRecord): void }) {
  const { t } = useTranslation();
  const [content, setContent] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const importBot = useMutation({
    mutationFn: () => api.post<BotRecord>("/bots/import", { workspaceId, content }),
    onSuccess: onCreated,
  });
  const load = async (file: File | null) => {
    if (!file) return;
    setFileName(file.name);
    setContent(await file.text());
  };
  return (
    <Stack>
      <Group>
        <FileButton onChange={load} accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml">
          {(p) => (
            <Button variant="light" {...p}>
              {t("bots.chooseFile")}
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed">
          {fileName ?? t("bots.noFile")}
        </Text>
      </Group>
      <Textarea
        label={t("bots.importContent")}
        description={t("bots.importHelp")}
        autosize
        minRows={6}
        maxRows={14}
        styles={{ input: { fontFamily: "monospace", fontSize: 12 } }}
        value={content}
        onChange={(e) => setContent(e.currentTarget.value)}
      />
      <ErrorAlert error={importBot.error} title={t("bots.importFailed")} />
      <Group justify="flex-end">
        <Button onClick={() => importBot.mutate()} disabled={content.trim() === ""} loading={importBot.isPending}>
          {t("bots.importSubmit")}
        </Button>
      </Group>
    </Stack>
  );
}
