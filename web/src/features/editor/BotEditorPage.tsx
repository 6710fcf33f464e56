/** The bot editor: scenario tree + block editor, entities, skills, settings and deploy, with a test panel. */
import { Alert, Badge, Button, Group, Menu, Modal, Stack, Tabs, Text, Title } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useBlocker, useNavigate, useParams, useSearchParams } from "react-router";
import type { Block, BotFile } from "../../../../src/core/bot/schema.js";
import { ApiError, api, requestText } from "../../api/client.js";
import type { BotRecord, BotSummary } from "../../api/types.js";
import { useSession } from "../../auth/session.js";
import { can } from "../../lib/permissions.js";
import { EmptyState, ErrorAlert, LoadingState } from "../../lib/states.js";
import { KnowledgePanel } from "../knowledge/KnowledgePanel.js";
import { SimulatorDrawer } from "../simulator/SimulatorDrawer.js";
import { VersionsPanel } from "../versions/VersionsPanel.js";
import { BlockEditor } from "./BlockEditor.js";
import { EntitiesPanel } from "./EntitiesPanel.js";
import { GatewaySection } from "./GatewaySection.js";
import { newId } from "./ids.js";
import { SaveErrors } from "./SaveErrors.js";
import { ScenarioTree } from "./ScenarioTree.js";
import { SettingsPanel } from "./SettingsPanel.js";
import { SkillsPanel } from "./SkillsPanel.js";
import { allBlocks, findBlock, replaceBlock, useBeforeUnload, useDraft } from "./useDraft.js";

const TABS = ["blocks", "entities", "skills", "knowledge", "settings", "deploy"] as const;
type Tab = (typeof TABS)[number];

export function BotEditorPage() {
  const { botId = "" } = useParams();
  const bot = useQuery({ queryKey: ["bot", botId], queryFn: () => api.get<BotRecord>(`/bots/${botId}`) });
  if (bot.isPending) return <LoadingState />;
  if (bot.error) return <ErrorAlert error={bot.error} />;
  return <Editor key={`${bot.data.id}`} record={bot.data} />;
}

function Editor({ record }: { record: BotRecord }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const readOnly = !can(role, "bot:write");
  const params = useParams();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const queryClient = useQueryClient();
  const tab: Tab = TABS.find((x) => x === params.tab) ?? "blocks";
  const state = useDraft(record.draft, record.draftRevision);
  const { draft, update, dirty } = state;
  const [testOpen, setTestOpen] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.del(`/bots/${record.id}`),
    onSuccess: () => {
      state.reset(draft, state.revision);
      void queryClient.invalidateQueries({ queryKey: ["bots"] });
      notifications.show({ color: "green", message: t("editor.deleted", { name: draft.name }) });
      navigate("/bots");
    },
  });
  const selected = search.get("block") ?? draft.scenarios[0]?.blocks[0]?.id ?? null;
  const location = findBlock(draft, selected);

  useBeforeUnload(dirty);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname.split("/")[2] !== nextLocation.pathname.split("/")[2],
  );

  const save = useMutation({
    mutationFn: () => api.put<BotSummary>(`/bots/${record.id}/draft`, { revision: state.revision, bot: draft }),
    onSuccess: (summary) => {
      state.reset(draft, summary.draftRevision);
      queryClient.setQueryData<BotRecord>(["bot", record.id], { ...record, ...summary, draft });
      void queryClient.invalidateQueries({ queryKey: ["bots"] });
      void queryClient.invalidateQueries({ queryKey: ["diff", record.id] });
      notifications.show({ color: "green", message: t("editor.saved") });
    },
  });
  const conflict = save.error instanceof ApiError && save.error.code === "revision_conflict";

  const reload = async () => {
    const fresh = await api.get<BotRecord>(`/bots/${record.id}`);
    queryClient.setQueryData(["bot", record.id], fresh);
    state.reset(fresh.draft, fresh.draftRevision);
    save.reset();
  };

  useHotkeys([["mod+S", () => !readOnly && dirty && save.mutate()]], []);
  useHotkeys([["mod+Z", () => !readOnly && state.undo()]]);

  const selectBlock = (id: string) => {
    const next = new URLSearchParams(search);
    next.set("block", id);
    setSearch(next, { replace: true });
    if (tab !== "blocks") navigate(`/bots/${record.id}?block=${encodeURIComponent(id)}`);
  };

  const changeBlock = (change: (b: Block) => Block, key: string) => {
    if (!location || readOnly) return;
    update((d) => replaceBlock(d, location.block.id, change), key);
  };

  const addBlock = (scenarioId: string, type: "normal" | "event" = "normal") => {
    const id = newId();
    const blocks = allBlocks(draft);
    const names = new Set(blocks.map((b) => b.name));
    const base = type === "event" ? t("tree.newEventBlockName") : t("tree.newBlockName");
    let name = base;
    for (let n = 2; names.has(name); n++) name = `${base} ${n}`;
    // Event blocks need a unique event name to save; start from a free one the user can rename.
    const eventNames = new Set(blocks.map((b) => b.eventName));
    let eventName = "event";
    for (let n = 2; eventNames.has(eventName); n++) eventName = `event_${n}`;
    const block: Block = {
      id,
      name,
      type,
      ...(type === "event" ? { eventName } : {}),
      enabled: true,
      utterances: [],
      inputContexts: [],
      outputContexts: [],
      parameters: [],
      useSkillData: false,
      allowCallback: false,
      outputs: [{ simpleText: { text: "" } }],
      quickReplies: [],
    };
    update((d) => ({ ...d, scenarios: d.scenarios.map((s) => (s.id === scenarioId ? { ...s, blocks: [...s.blocks, block] } : s)) }));
    selectBlock(id);
  };

  const setDraft = (change: (d: BotFile) => BotFile, key?: string) => {
    if (!readOnly) update(change, key);
  };

  const exportAs = async (format: "yaml" | "json") => {
    const text = await requestText(`/bots/${record.id}/export?format=${format}`);
    const url = URL.createObjectURL(new Blob([text], { type: format === "json" ? "application/json" : "application/yaml" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${draft.name}.${format === "json" ? "json" : "yaml"}`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Title order={2} data-testid="bot-title">
            {draft.name}
          </Title>
          {record.deployedVersion !== null ? (
            <Badge color="green" variant="light">
              {t("bots.deployedVersion", { version: record.deployedVersion })}
            </Badge>
          ) : (
            <Badge color="gray" variant="light">
              {t("bots.notDeployed")}
            </Badge>
          )}
          {dirty ? (
            <Badge color="orange" variant="light" data-testid="unsaved-badge">
              {t("editor.unsaved")}
            </Badge>
          ) : null}
          {readOnly ? (
            <Badge color="gray" variant="outline">
              {t("editor.readOnly")}
            </Badge>
          ) : null}
        </Group>
        <Group gap="xs">
          {!readOnly ? (
            <>
              <Button variant="default" onClick={state.undo} disabled={!state.canUndo} aria-keyshortcuts="Control+Z">
                {t("editor.undo")}
              </Button>
              <Button onClick={() => save.mutate()} disabled={!dirty} loading={save.isPending} aria-keyshortcuts="Control+S">
                {t("editor.save")}
              </Button>
            </>
          ) : null}
          <Button variant="light" color="teal" onClick={() => setTestOpen(true)}>
            {t("editor.test")}
          </Button>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="subtle">{t("editor.more")}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t("editor.export")}</Menu.Label>
              <Menu.Item onClick={() => exportAs("yaml")}>YAML</Menu.Item>
              <Menu.Item onClick={() => exportAs("json")}>JSON</Menu.Item>
              {can(role, "bot:delete") ? (
                <>
                  <Menu.Divider />
                  <Menu.Item color="red" onClick={() => setDeleting(true)}>
                    {t("editor.delete")}
                  </Menu.Item>
                </>
              ) : null}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      {conflict ? (
        <Alert color="red" title={t("editor.conflictTitle")}>
          <Text size="sm">{t("editor.conflict")}</Text>
          <Button size="xs" mt="xs" color="red" variant="light" onClick={reload}>
            {t("editor.reload")}
          </Button>
        </Alert>
      ) : (
        <SaveErrors error={save.error} bot={draft} onOpenBlock={selectBlock} />
      )}
      <Tabs value={tab} onChange={(v) => navigate(v === "blocks" ? `/bots/${record.id}` : `/bots/${record.id}/${v}`)} keepMounted={false}>
        <Tabs.List>
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`editor.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="blocks" pt="md">
          <div style={{ display: "grid", gridTemplateColumns: "minmax(180px, 240px) minmax(0, 1fr)", gap: 16 }}>
            <ScenarioTree
              bot={draft}
              selected={location?.block.id ?? null}
              onSelect={selectBlock}
              readOnly={readOnly}
              onAddBlock={addBlock}
              onAddScenario={(name) =>
                setDraft((d) => ({ ...d, scenarios: [...d.scenarios, { id: newId(), name, default: false, blocks: [] }] }))
              }
              onRenameScenario={(id, name) =>
                setDraft((d) => ({ ...d, scenarios: d.scenarios.map((s) => (s.id === id ? { ...s, name } : s)) }))
              }
              onDeleteScenario={(id) => {
                const scenario = draft.scenarios.find((s) => s.id === id);
                if (scenario && window.confirm(t("tree.deleteScenarioConfirm", { name: scenario.name, n: scenario.blocks.length }))) {
                  setDraft((d) => ({ ...d, scenarios: d.scenarios.filter((s) => s.id !== id) }));
                }
              }}
              onDeleteBlock={(id) =>
                setDraft((d) => ({ ...d, scenarios: d.scenarios.map((s) => ({ ...s, blocks: s.blocks.filter((b) => b.id !== id) })) }))
              }
            />
            {location ? (
              <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
                <BlockEditor key={location.block.id} bot={draft} block={location.block} onChange={changeBlock} onOpenBlock={selectBlock} />
              </fieldset>
            ) : (
              <EmptyState title={t("editor.noBlock")} />
            )}
          </div>
        </Tabs.Panel>
        <Tabs.Panel value="entities" pt="md">
          <EntitiesPanel bot={draft} onChange={setDraft} readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="skills" pt="md">
          <SkillsPanel bot={draft} botId={record.id} dirty={dirty} onChange={setDraft} readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="knowledge" pt="md">
          <KnowledgePanel
            value={draft.knowledge}
            onChange={(knowledge) => setDraft((d) => ({ ...d, knowledge }), "bot.knowledge")}
            readOnly={readOnly}
          />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <Stack maw={720}>
            <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <SettingsPanel bot={draft} onChange={setDraft} />
            </fieldset>
            <GatewaySection botId={record.id} canManage={can(role, "bot:deploy")} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="deploy" pt="md">
          <VersionsPanel botId={record.id} deployedVersion={record.deployedVersion} dirty={dirty} />
        </Tabs.Panel>
      </Tabs>
      <SimulatorDrawer
        opened={testOpen}
        onClose={() => setTestOpen(false)}
        botId={record.id}
        botName={draft.name}
        dirty={dirty}
        onSave={() => save.mutate()}
        saving={save.isPending}
        canSave={!readOnly}
      />
      <Modal opened={deleting} onClose={() => setDeleting(false)} title={t("editor.deleteTitle")}>
        <Stack>
          <Text size="sm">{t("editor.deleteConfirm", { name: draft.name })}</Text>
          <ErrorAlert error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>
              {t("common.cancel")}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t("editor.deleteSubmit")}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={blocker.state === "blocked"} onClose={() => blocker.reset?.()} title={t("editor.leaveTitle")}>
        <Stack>
          <Text size="sm">{t("editor.leaveText")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => blocker.reset?.()}>
              {t("editor.stay")}
            </Button>
            <Button color="red" onClick={() => blocker.proceed?.()}>
              {t("editor.leave")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
