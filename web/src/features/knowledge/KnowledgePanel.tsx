/**
 * Editor of a bot's knowledge base (the `knowledge` field of the bot file): the answer threshold,
 * and the Q&A table with add, edit, delete and bulk paste. Controlled: every change goes through
 * `onChange` with a new value; `readOnly` hides all write controls (viewers).
 */
import "./i18n.js";
import { ActionIcon, Badge, Button, Group, Pagination, Paper, Slider, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BotFile, KnowledgeEntry } from "../../../../src/core/bot/schema.js";
import { BulkPasteModal } from "./BulkPasteModal.js";
import { EntryModal } from "./EntryModal.js";
import { DEFAULT_THRESHOLD, LIMITS, questionKey } from "./knowledge-rules.js";

export type Knowledge = BotFile["knowledge"];

export interface KnowledgePanelProps {
  value: Knowledge;
  onChange(next: Knowledge): void;
  readOnly?: boolean;
}

const PAGE_SIZE = 50;

function matches(entry: KnowledgeEntry, needle: string): boolean {
  if (needle === "") return true;
  return [entry.question, entry.answer, ...entry.categories].join("\n").toLowerCase().includes(needle);
}

export function KnowledgePanel({ value, onChange, readOnly = false }: KnowledgePanelProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  // `undefined`: closed; `null`: adding; a number: the index being edited.
  const [editing, setEditing] = useState<number | null | undefined>(undefined);
  const [bulk, setBulk] = useState(false);
  const entries = value.entries;

  const filtered = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => matches(entry, needle));
  }, [entries, search]);
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = filtered.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);

  const setEntries = (next: KnowledgeEntry[]) => onChange({ ...value, entries: next });
  const save = (entry: KnowledgeEntry) => {
    if (typeof editing === "number") setEntries(entries.map((e, i) => (i === editing ? entry : e)));
    else setEntries([...entries, entry]);
    setEditing(undefined);
  };
  const isDuplicate = (question: string) => entries.some((e, i) => i !== editing && questionKey(e.question) === questionKey(question));
  const threshold = value.threshold;
  const full = entries.length >= LIMITS.entries;

  return (
    <Stack data-testid="knowledge-panel">
      <Stack gap={4}>
        <Title order={4}>{t("knowledge.title")}</Title>
        <Text size="sm" c="dimmed">
          {t("knowledge.intro")}
        </Text>
        {readOnly ? (
          <Text size="sm" c="dimmed">
            {t("knowledge.readOnly")}
          </Text>
        ) : null}
      </Stack>

      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group justify="space-between">
            <Text size="sm" fw={600} id="knowledge-threshold-label">
              {t("knowledge.threshold")}
            </Text>
            <Badge variant="light" data-testid="knowledge-threshold">
              {threshold.toFixed(2)}
            </Badge>
          </Group>
          <Text size="sm">{t("knowledge.thresholdHelp")}</Text>
          {readOnly ? null : (
            <Slider
              min={0}
              max={1}
              step={0.05}
              value={threshold}
              onChange={(v) => onChange({ ...value, threshold: Math.round(v * 100) / 100 })}
              label={(v) => v.toFixed(2)}
              marks={[
                { value: 0, label: "0" },
                { value: DEFAULT_THRESHOLD, label: String(DEFAULT_THRESHOLD) },
                { value: 1, label: "1" },
              ]}
              thumbProps={{ "aria-labelledby": "knowledge-threshold-label" }}
              mb="md"
            />
          )}
          <Text size="xs" c="dimmed">
            {t("knowledge.thresholdScale", { value: DEFAULT_THRESHOLD })}
          </Text>
        </Stack>
      </Paper>

      <Group justify="space-between" align="flex-end">
        <TextInput
          label={t("knowledge.search")}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={280}
        />
        {readOnly ? null : (
          <Group gap="xs">
            <Button variant="light" onClick={() => setBulk(true)} disabled={full}>
              {t("knowledge.bulk")}
            </Button>
            <Button onClick={() => setEditing(null)} disabled={full}>
              {t("knowledge.add")}
            </Button>
          </Group>
        )}
      </Group>
      {full && !readOnly ? (
        <Text size="sm" c="red">
          {t("knowledge.tooMany")}
        </Text>
      ) : null}

      {entries.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="lg">
          {t("knowledge.empty")}
        </Text>
      ) : (
        <Paper withBorder style={{ overflowX: "auto" }}>
          <Table striped aria-label={t("knowledge.title")} data-testid="knowledge-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="35%">{t("knowledge.question")}</Table.Th>
                <Table.Th>{t("knowledge.answer")}</Table.Th>
                <Table.Th>{t("knowledge.categories")}</Table.Th>
                {readOnly ? null : <Table.Th w={110}>{t("common.actions")}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map(({ entry, index }) => (
                <Table.Tr key={`${index}:${entry.question}`}>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                      {entry.question}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={3} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                      {entry.answer}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {entry.categories.map((c) => (
                        <Badge key={c} variant="outline" size="sm">
                          {c}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  {readOnly ? null : (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="light"
                          aria-label={t("knowledge.editOf", { question: entry.question })}
                          onClick={() => setEditing(index)}
                        >
                          {t("knowledge.edit")}
                        </Button>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t("knowledge.deleteOf", { question: entry.question })}
                          onClick={() => setEntries(entries.filter((_, i) => i !== index))}
                        >
                          ✕
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Group justify="space-between">
        <Text size="xs" c="dimmed" data-testid="knowledge-count">
          {t("knowledge.count", { count: entries.length })}
        </Text>
        {pages > 1 ? <Pagination size="sm" total={pages} value={current} onChange={setPage} /> : null}
      </Group>

      {editing !== undefined ? (
        <EntryModal
          entry={editing === null ? null : (entries[editing] ?? null)}
          isDuplicate={isDuplicate}
          onSave={save}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
      {bulk ? (
        <BulkPasteModal
          existing={entries}
          onAdd={(added) => {
            setEntries([...entries, ...added]);
            setBulk(false);
          }}
          onClose={() => setBulk(false)}
        />
      ) : null}
    </Stack>
  );
}
