/** Example utterances: add one by one or paste many; repeats and other blocks' utterances are flagged. */
import { ActionIcon, Badge, Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type KeyboardEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BotFile } from "../../../../src/core/bot/schema.js";
import { flagUtterances, splitBulk } from "./utterance-checks.js";

/**
 * Below this many examples a block's different phrasings often score under the confidence
 * threshold and reach the fallback (measured with `botcenter nlu-eval` on the sample bot).
 */
const RECOMMENDED_EXAMPLES = 8;

export function UtteranceEditor({
  bot,
  blockId,
  utterances,
  onChange,
  onOpenBlock,
  label,
  suggestMore = false,
}: {
  bot: BotFile;
  blockId: string;
  utterances: readonly string[];
  onChange(next: string[]): void;
  onOpenBlock(id: string): void;
  label: string;
  /** Match examples (not exit phrases): nudge the builder towards enough of them. */
  suggestMore?: boolean;
}) {
  const { t } = useTranslation();
  const [input, setInput] = useState("");
  const [bulkOpen, setBulkOpen] = useState(false);
  const [bulk, setBulk] = useState("");
  const flags = flagUtterances(bot, blockId, utterances);
  const add = () => {
    const value = input.trim();
    if (value === "") return;
    onChange([...utterances, value]);
    setInput("");
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" && !e.nativeEvent.isComposing) {
      e.preventDefault();
      add();
    }
  };
  const pasted = splitBulk(bulk, utterances);
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <TextInput
          style={{ flex: 1 }}
          label={label}
          placeholder={t("utterances.placeholder")}
          value={input}
          onChange={(e) => setInput(e.currentTarget.value)}
          onKeyDown={onKey}
          maxLength={500}
        />
        <Button variant="light" onClick={add} disabled={input.trim() === ""}>
          {t("common.add")}
        </Button>
        <Button variant="default" onClick={() => setBulkOpen(true)}>
          {t("utterances.bulk")}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t("utterances.count", { n: utterances.length })}
      </Text>
      {suggestMore && utterances.length < RECOMMENDED_EXAMPLES ? (
        <Text size="xs" c="orange.8" data-testid="few-utterances">
          {t("utterances.fewExamples", { n: RECOMMENDED_EXAMPLES })}
        </Text>
      ) : null}
      <Stack gap={4} role="list" aria-label={t("utterances.listLabel")}>
        {utterances.map((u, i) => {
          const f = flags[i];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: duplicates are allowed (and flagged)
            <Group key={i} gap="xs" wrap="nowrap" role="listitem" data-testid="utterance">
              <Text size="sm" style={{ flex: 1 }}>
                {u}
              </Text>
              {f?.duplicateOf !== undefined ? (
                <Badge color="orange" variant="light">
                  {t("utterances.duplicate")}
                </Badge>
              ) : null}
              {f?.conflicts.map((c) => (
                <Badge
                  key={c.id}
                  color="red"
                  variant="light"
                  style={{ cursor: "pointer" }}
                  component="button"
                  type="button"
                  onClick={() => onOpenBlock(c.id)}
                  title={t("utterances.conflictHelp")}
                >
                  {t("utterances.conflict", { name: c.name })}
                </Badge>
              ))}
              <ActionIcon
                variant="subtle"
                color="red"
                size="sm"
                aria-label={t("utterances.remove", { text: u })}
                onClick={() => onChange(utterances.filter((_, j) => j !== i))}
              >
                ✕
              </ActionIcon>
            </Group>
          );
        })}
      </Stack>
      <Modal opened={bulkOpen} onClose={() => setBulkOpen(false)} title={t("utterances.bulkTitle")}>
        <Stack>
          <Textarea
            label={t("utterances.bulkLabel")}
            description={t("utterances.bulkHelp")}
            autosize
            minRows={6}
            maxRows={16}
            value={bulk}
            onChange={(e) => setBulk(e.currentTarget.value)}
          />
          <Text size="sm">{t("utterances.bulkPreview", { n: pasted.length })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setBulkOpen(false)}>
              {t("common.cancel")}
            </Button>
            <Button
              disabled={pasted.length === 0}
              onClick={() => {
                onChange([...utterances, ...pasted]);
                setBulk("");
                setBulkOpen(false);
              }}
            >
              {t("utterances.bulkAdd", { n: pasted.length })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
