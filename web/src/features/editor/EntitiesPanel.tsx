/** System entities (read-only list) and the bot's custom entities with their synonyms. */
import { ActionIcon, Button, Grid, Group, NavLink, Paper, Stack, Table, TagsInput, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BotFile, CustomEntity } from "../../../../src/core/bot/schema.js";
import { EmptyState } from "../../lib/states.js";
import { SYSTEM_ENTITY_NAMES } from "./system-entities.js";

export function EntitiesPanel({
  bot,
  onChange,
  readOnly,
}: {
  bot: BotFile;
  onChange(change: (d: BotFile) => BotFile, key?: string): void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<number | null>(bot.entities.length > 0 ? 0 : null);
  const entity = selected === null ? undefined : bot.entities[selected];
  const setEntity = (next: CustomEntity, key?: string) =>
    selected !== null && onChange((d) => ({ ...d, entities: d.entities.map((e, i) => (i === selected ? next : e)) }), key);
  const add = () => {
    let name = t("entities.newName");
    for (let n = 2; bot.entities.some((e) => e.name === name); n++) name = `${t("entities.newName")}${n}`;
    onChange((d) => ({
      ...d,
      entities: [...d.entities, { name, description: "", entries: [{ value: t("entities.newValue"), synonyms: [] }] }],
    }));
    setSelected(bot.entities.length);
  };
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Paper withBorder p="xs">
          <Text size="xs" fw={700} c="dimmed">
            {t("entities.custom")}
          </Text>
          {bot.entities.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: names can repeat while being typed
            <NavLink component="button" key={`${e.name}-${i}`} label={e.name} active={i === selected} onClick={() => setSelected(i)} />
          ))}
          {!readOnly ? (
            <Button size="xs" variant="light" fullWidth mt="xs" onClick={add}>
              {t("entities.add")}
            </Button>
          ) : null}
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Stack>
          {entity ? (
            <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <Paper withBorder p="md">
                <Stack gap="xs">
                  <Group align="flex-end">
                    <TextInput
                      style={{ flex: 1 }}
                      label={t("entities.name")}
                      required
                      value={entity.name}
                      onChange={(e) => setEntity({ ...entity, name: e.currentTarget.value }, `entity.${selected}.name`)}
                    />
                    <Button
                      color="red"
                      variant="subtle"
                      onClick={() => {
                        onChange((d) => ({ ...d, entities: d.entities.filter((_, i) => i !== selected) }));
                        setSelected(null);
                      }}
                    >
                      {t("entities.delete")}
                    </Button>
                  </Group>
                  <Textarea
                    label={t("entities.description")}
                    value={entity.description}
                    onChange={(e) => setEntity({ ...entity, description: e.currentTarget.value }, `entity.${selected}.description`)}
                  />
                  <Table aria-label={t("entities.entries")}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w="30%">{t("entities.value")}</Table.Th>
                        <Table.Th>{t("entities.synonyms")}</Table.Th>
                        <Table.Th w={40} />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {entity.entries.map((entry, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: entries are positional while renamed
                        <Table.Tr key={i}>
                          <Table.Td>
                            <TextInput
                              aria-label={t("entities.value")}
                              value={entry.value}
                              onChange={(e) =>
                                setEntity(
                                  {
                                    ...entity,
                                    entries: entity.entries.map((x, j) => (j === i ? { ...x, value: e.currentTarget.value } : x)),
                                  },
                                  `entity.${selected}.${i}`,
                                )
                              }
                            />
                          </Table.Td>
                          <Table.Td>
                            <TagsInput
                              aria-label={t("entities.synonyms")}
                              value={entry.synonyms}
                              onChange={(synonyms) =>
                                setEntity({ ...entity, entries: entity.entries.map((x, j) => (j === i ? { ...x, synonyms } : x)) })
                              }
                            />
                          </Table.Td>
                          <Table.Td>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              disabled={entity.entries.length <= 1}
                              aria-label={t("entities.removeEntry", { value: entry.value })}
                              onClick={() => setEntity({ ...entity, entries: entity.entries.filter((_, j) => j !== i) })}
                            >
                              ✕
                            </ActionIcon>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                  <Group>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setEntity({ ...entity, entries: [...entity.entries, { value: "", synonyms: [] }] })}
                    >
                      {t("entities.addEntry")}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            </fieldset>
          ) : (
            <EmptyState title={t("entities.empty")}>
              <Text size="sm" c="dimmed">
                {t("entities.emptyHelp")}
              </Text>
            </EmptyState>
          )}
          <Paper withBorder p="md">
            <Title order={4} mb="xs">
              {t("entities.system")}
            </Title>
            <Table striped aria-label={t("entities.system")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("entities.name")}</Table.Th>
                  <Table.Th>{t("entities.meaning")}</Table.Th>
                  <Table.Th>{t("entities.example")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {SYSTEM_ENTITY_NAMES.map((n) => (
                  <Table.Tr key={n}>
                    <Table.Td>
                      <code>{n}</code>
                    </Table.Td>
                    <Table.Td>{t(`entities.sys.${n.replaceAll(".", "_")}.label`)}</Table.Td>
                    <Table.Td>{t(`entities.sys.${n.replaceAll(".", "_")}.example`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
