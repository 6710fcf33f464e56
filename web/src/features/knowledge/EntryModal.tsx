/** Add or edit one Q&A of the knowledge base. */
import { Button, Group, Modal, Stack, TagsInput, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { KnowledgeEntry } from "../../../../src/core/bot/schema.js";
import { entryProblems, LIMITS } from "./knowledge-rules.js";

interface Form {
  question: string;
  answer: string;
  categories: string[];
  imageUrl: string;
  landingUrl: string;
}

function toEntry(form: Form): KnowledgeEntry {
  const entry: KnowledgeEntry = { question: form.question.trim(), answer: form.answer.trim(), categories: form.categories };
  if (form.imageUrl.trim() !== "") entry.imageUrl = form.imageUrl.trim();
  if (form.landingUrl.trim() !== "") entry.landingUrl = form.landingUrl.trim();
  return entry;
}

export function EntryModal(props: {
  entry: KnowledgeEntry | null;
  /** Whether another entry already has this question (case and spacing ignored). */
  isDuplicate(question: string): boolean;
  onSave(entry: KnowledgeEntry): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>({
    question: props.entry?.question ?? "",
    answer: props.entry?.answer ?? "",
    categories: props.entry?.categories ?? [],
    imageUrl: props.entry?.imageUrl ?? "",
    landingUrl: props.entry?.landingUrl ?? "",
  });
  const [submitted, setSubmitted] = useState(false);
  const entry = toEntry(form);
  const problems = new Set(entryProblems(entry));
  const duplicate = entry.question !== "" && props.isDuplicate(entry.question);
  const error = (field: string) => (submitted && problems.has(field) ? t(`knowledge.invalid.${field}`) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (problems.size === 0 && !duplicate) props.onSave(entry);
  };
  return (
    <Modal opened onClose={props.onClose} title={props.entry ? t("knowledge.editTitle") : t("knowledge.addTitle")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Textarea
            label={t("knowledge.question")}
            required
            autosize
            minRows={1}
            maxLength={LIMITS.question}
            value={form.question}
            error={error("question") ?? (duplicate ? t("knowledge.duplicate") : undefined)}
            onChange={(e) => setForm({ ...form, question: e.currentTarget.value })}
            data-autofocus
          />
          <Textarea
            label={t("knowledge.answer")}
            required
            autosize
            minRows={3}
            maxLength={LIMITS.answer}
            value={form.answer}
            error={error("answer")}
            onChange={(e) => setForm({ ...form, answer: e.currentTarget.value })}
          />
          <TagsInput
            label={t("knowledge.categories")}
            description={t("knowledge.categoriesHelp")}
            maxTags={LIMITS.categories}
            value={form.categories}
            error={error("categories")}
            onChange={(categories) => setForm({ ...form, categories: categories.map((c) => c.slice(0, LIMITS.category)) })}
          />
          <TextInput
            label={t("knowledge.imageUrl")}
            placeholder={t("knowledge.optional")}
            type="url"
            value={form.imageUrl}
            error={error("imageUrl")}
            onChange={(e) => setForm({ ...form, imageUrl: e.currentTarget.value })}
          />
          <TextInput
            label={t("knowledge.landingUrl")}
            placeholder={t("knowledge.optional")}
            type="url"
            value={form.landingUrl}
            error={error("landingUrl")}
            onChange={(e) => setForm({ ...form, landingUrl: e.currentTarget.value })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" data-testid="save-knowledge-entry">
              {t("knowledge.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
