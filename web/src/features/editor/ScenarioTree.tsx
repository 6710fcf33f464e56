/** Scenarios and their blocks; system blocks (웰컴/폴백/탈출) sit at the top of the default scenario. */
import { ActionIcon, Badge, Button, Group, Menu, NavLink, Paper, ScrollArea, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BotFile } from "../../../../src/core/bot/schema.js";

export function ScenarioTree({
  bot,
  selected,
  onSelect,
  onAddBlock,
  onAddScenario,
  onRenameScenario,
  onDeleteScenario,
  onDeleteBlock,
  readOnly,
}: {
  bot: BotFile;
  selected: string | null;
  onSelect(id: string): void;
  onAddBlock(scenarioId: string, type?: "normal" | "event"): void;
  onAddScenario(name: string): void;
  onRenameScenario(id: string, name: string): void;
  onDeleteScenario(id: string): void;
  onDeleteBlock(id: string): void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const [newScenario, setNewScenario] = useState("");
  const [filter, setFilter] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (newScenario.trim() === "") return;
    onAddScenario(newScenario.trim());
    setNewScenario("");
  };
  const q = filter.trim().toLowerCase();
  return (
    <Paper withBorder p="xs" component="nav" aria-label={t("tree.title")}>
      <Stack gap="xs">
        <TextInput
          size="xs"
          placeholder={t("tree.search")}
          aria-label={t("tree.search")}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
        />
        <ScrollArea.Autosize mah="calc(100vh - 260px)">
          {bot.scenarios.map((scenario) => {
            const blocks = scenario.blocks.filter((b) => q === "" || b.name.toLowerCase().includes(q));
            return (
              <div key={scenario.id}>
                <Group justify="space-between" wrap="nowrap" mt={6}>
                  <Text size="xs" fw={700} c="dimmed" truncate>
                    {scenario.name}
                    {scenario.default ? ` · ${t("tree.default")}` : ""}
                  </Text>
                  {!readOnly ? (
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <ActionIcon size="sm" variant="subtle" aria-label={t("tree.scenarioMenu", { name: scenario.name })}>
                          ⋯
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => onAddBlock(scenario.id)}>{t("tree.addBlock")}</Menu.Item>
                        <Menu.Item onClick={() => onAddBlock(scenario.id, "event")}>{t("tree.addEventBlock")}</Menu.Item>
                        <Menu.Item
                          onClick={() => {
                            const name = window.prompt(t("tree.renamePrompt"), scenario.name);
                            if (name?.trim()) onRenameScenario(scenario.id, name.trim());
                          }}
                        >
                          {t("tree.rename")}
                        </Menu.Item>
                        {!scenario.default ? (
                          <Menu.Item color="red" onClick={() => onDeleteScenario(scenario.id)}>
                            {t("tree.deleteScenario")}
                          </Menu.Item>
                        ) : null}
                      </Menu.Dropdown>
                    </Menu>
                  ) : null}
                </Group>
                {blocks.map((block) => (
                  <Group key={block.id} gap={0} wrap="nowrap">
                    <NavLink
                      component="button"
                      style={{ flex: 1 }}
                      active={selected === block.id}
                      label={block.name}
                      onClick={() => onSelect(block.id)}
                      rightSection={
                        block.type !== "normal" ? (
                          <Badge size="xs" variant="light" color="grape">
                            {t(`block.typeShort.${block.type}`)}
                          </Badge>
                        ) : undefined
                      }
                      aria-current={selected === block.id ? "page" : undefined}
                    />
                    {!readOnly && (block.type === "normal" || block.type === "event") ? (
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        color="red"
                        aria-label={t("tree.deleteBlock", { name: block.name })}
                        onClick={() => onDeleteBlock(block.id)}
                      >
                        ✕
                      </ActionIcon>
                    ) : null}
                  </Group>
                ))}
                {!readOnly ? (
                  <Button size="compact-xs" variant="subtle" onClick={() => onAddBlock(scenario.id)} fullWidth justify="flex-start">
                    + {t("tree.addBlock")}
                  </Button>
                ) : null}
              </div>
            );
          })}
        </ScrollArea.Autosize>
        {!readOnly ? (
          <form onSubmit={submit}>
            <Group gap={4} wrap="nowrap">
              <TextInput
                size="xs"
                style={{ flex: 1 }}
                placeholder={t("tree.newScenario")}
                aria-label={t("tree.newScenario")}
                value={newScenario}
                onChange={(e) => setNewScenario(e.currentTarget.value)}
              />
              <Button size="xs" type="submit" variant="light">
                {t("common.add")}
              </Button>
            </Group>
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}
