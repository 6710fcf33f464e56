/** Adds many Q&A at once from pasted "question<TAB>answer" rows, showing what will and won't be added. */
import { Button, Group, List, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { KnowledgeEntry } from "../../../../src/core/bot/schema.js";
import { LIMITS, parseBulkPaste } from "./knowledge-rules.js";

const SHOWN_PROBLEMS = 20;

export function BulkPasteModal(props: { existing: readonly KnowledgeEntry[]; onAdd(entries: KnowledgeEntry[]): void; onClose(): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const result = parseBulkPaste(text, props.existing);
  const room = LIMITS.entries - props.existing.length;
  const adding = result.entries.slice(0, Math.max(0, room));
  return (
    <Modal opened onClose={props.onClose} title={t("knowledge.bulkTitle")} size="lg">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t("knowledge.bulkHelp")}
        </Text>
        <Textarea
          label={t("knowledge.bulkLabel")}
          autosize
          minRows={6}
          maxRows={16}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          styles={{ input: { fontFamily: "ui-monospace, monospace", fontSize: 13 } }}
          data-autofocus
        />
        {text.trim() !== "" ? (
          <Text size="sm" data-testid="bulk-ready">
            {t("knowledge.bulkReady", { count: adding.length })}
          </Text>
        ) : null}
        {result.entries.length > adding.length ? (
          <Text size="sm" c="red">
            {t("knowledge.tooMany")}
          </Text>
        ) : null}
        {result.problems.length > 0 ? (
          <List size="xs" c="orange.8" data-testid="bulk-problems">
            {result.problems.slice(0, SHOWN_PROBLEMS).map((p) => (
              <List.Item key={p.line}>{t(`knowledge.bulkProblem.${p.problem}`, { line: p.line })}</List.Item>
            ))}
            {result.problems.length > SHOWN_PROBLEMS ? <List.Item>…</List.Item> : null}
          </List>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t("common.cancel")}
          </Button>
          <Button disabled={adding.length === 0} onClick={() => props.onAdd(adding)} data-testid="bulk-add">
            {t("knowledge.bulkAdd", { count: adding.length })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
