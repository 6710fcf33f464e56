/**
 * Create or edit one article: slug (only when creating), title, three-level category, tags and the
 * Markdown body beside its live preview.
 */
import { Button, Grid, Group, Modal, Stack, Switch, TagsInput, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { ErrorAlert } from "../../lib/states.js";
import { toLevels } from "./category.js";
import { MarkdownPreview } from "./MarkdownPreview.js";
import { SLUG_PATTERN } from "./markdown.js";
import type { ArticleDraft, HelpArticle } from "./types.js";

const EMPTY: ArticleDraft = { slug: "", title: "", category: ["", "", ""], tags: [], body: "", published: false };

export function ArticleEditorModal(props: { article: HelpArticle | null; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const editing = props.article !== null;
  const [draft, setDraft] = useState<ArticleDraft>(() =>
    props.article
      ? {
          slug: props.article.slug,
          title: props.article.title,
          category: toLevels(props.article.category),
          tags: props.article.tags,
          body: props.article.body,
          published: props.article.published,
        }
      : EMPTY,
  );
  const slugInvalid = draft.slug !== "" && !SLUG_PATTERN.test(draft.slug);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        title: draft.title.trim(),
        category: draft.category.map((c) => c.trim()),
        tags: draft.tags,
        body: draft.body,
        published: draft.published,
      };
      return editing
        ? api.put<HelpArticle>(`/help/admin/articles/${encodeURIComponent(draft.slug)}`, body)
        : api.post<HelpArticle>("/help/admin/articles", { slug: draft.slug, ...body });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["help-admin", "articles"] });
      notifications.show({ color: "green", message: t("helpAdmin.editor.saved") });
      props.onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!slugInvalid) save.mutate();
  };
  const setLevel = (index: number, value: string) =>
    setDraft({ ...draft, category: draft.category.map((c, i) => (i === index ? value : c)) });
  const levels = [t("helpAdmin.editor.level1"), t("helpAdmin.editor.level2"), t("helpAdmin.editor.level3")];

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="95%"
      title={editing ? t("helpAdmin.editor.editTitle") : t("helpAdmin.editor.createTitle")}
    >
      <form onSubmit={submit}>
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="xs">
              <TextInput
                label={t("helpAdmin.editor.slug")}
                description={t("helpAdmin.editor.slugHelp")}
                required
                maxLength={100}
                disabled={editing}
                value={draft.slug}
                error={slugInvalid ? t("helpAdmin.editor.slugInvalid") : undefined}
                onChange={(e) => setDraft({ ...draft, slug: e.currentTarget.value })}
              />
              <TextInput
                label={t("helpAdmin.editor.title")}
                required
                maxLength={200}
                value={draft.title}
                onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
              />
              <Text size="sm" fw={500}>
                {t("helpAdmin.editor.category")}
              </Text>
              <Group grow gap="xs">
                {levels.map((label, index) => (
                  <TextInput
                    key={label}
                    aria-label={label}
                    placeholder={label}
                    required
                    maxLength={50}
                    value={draft.category[index] ?? ""}
                    onChange={(e) => setLevel(index, e.currentTarget.value)}
                  />
                ))}
              </Group>
              <TagsInput
                label={t("helpAdmin.editor.tags")}
                description={t("helpAdmin.editor.tagsHelp")}
                value={draft.tags}
                maxTags={30}
                onChange={(tags) => setDraft({ ...draft, tags })}
              />
              <Textarea
                label={t("helpAdmin.editor.body")}
                description={t("helpAdmin.editor.bodyHelp")}
                required
                autosize
                minRows={14}
                maxRows={28}
                value={draft.body}
                onChange={(e) => setDraft({ ...draft, body: e.currentTarget.value })}
                styles={{ input: { fontFamily: "ui-monospace, monospace", fontSize: 13 } }}
              />
              <Switch
                label={t("helpAdmin.editor.published")}
                description={t("helpAdmin.editor.publishedHelp")}
                checked={draft.published}
                onChange={(e) => setDraft({ ...draft, published: e.currentTarget.checked })}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="xs" h="100%">
              <Text size="sm" fw={500}>
                {t("helpAdmin.editor.preview")}
              </Text>
              <MarkdownPreview body={draft.body} />
            </Stack>
          </Grid.Col>
        </Grid>
        <Stack mt="md">
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="save-article">
              {t("helpAdmin.editor.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
