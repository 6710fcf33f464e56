/**
 * Help center administration: every article (published or not) with its category path, state,
 * views and last change; create, edit, publish, delete; and the search synonym groups. The help
 * center belongs to the whole installation, so an owner or admin of any workspace may manage it;
 * everyone else gets a notice and the link to the public pages.
 */
import "./i18n.js";
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { useSession } from "../../auth/session.js";
import { ConfirmModal } from "../../lib/ConfirmModal.js";
import { EmptyState, ErrorAlert, LoadingState } from "../../lib/states.js";
import { ArticleEditorModal } from "./ArticleEditorModal.js";
import { canManageHelp } from "./access.js";
import { categoryPath } from "./category.js";
import { SynonymsEditor } from "./SynonymsEditor.js";
import type { HelpArticle } from "./types.js";

const ARTICLES_KEY = ["help-admin", "articles"] as const;

function articlePath(slug: string): string {
  return `/help/articles/${encodeURIComponent(slug)}`;
}

export function HelpAdminPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const allowed = canManageHelp(session?.workspaces ?? []);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("helpAdmin.title")}</Title>
        {/* /help is served by the server, outside the admin app. */}
        <Anchor href="/help" target="_blank" rel="noopener" data-testid="help-center-link">
          {t("helpAdmin.openHelpCenter")}
        </Anchor>
      </Group>
      {allowed ? (
        <>
          <Text size="sm" c="dimmed">
            {t("helpAdmin.intro")}
          </Text>
          <ArticlesPanel />
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={4}>{t("helpAdmin.synonyms.title")}</Title>
              <SynonymsEditor />
            </Stack>
          </Paper>
        </>
      ) : (
        <Alert color="gray" data-testid="help-admin-read-only">
          {t("helpAdmin.notAllowed")}
        </Alert>
      )}
    </Stack>
  );
}

function matches(article: HelpArticle, needle: string): boolean {
  if (needle === "") return true;
  const haystack = [article.title, article.slug, ...article.category, ...article.tags].join("\n").toLowerCase();
  return haystack.includes(needle.toLowerCase());
}

function ArticlesPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const articles = useQuery({ queryKey: ARTICLES_KEY, queryFn: () => api.get<{ articles: HelpArticle[] }>("/help/admin/articles") });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ARTICLES_KEY });
  const publish = useMutation({
    mutationFn: (v: { slug: string; published: boolean }) =>
      api.post(`/help/admin/articles/${encodeURIComponent(v.slug)}/publish`, { published: v.published }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (slug: string) => api.del(`/help/admin/articles/${encodeURIComponent(slug)}`),
    onSettled: refresh,
  });
  const [filter, setFilter] = useState("");
  // `undefined`: closed; `null`: a new article; otherwise the article being edited.
  const [editing, setEditing] = useState<HelpArticle | null | undefined>(undefined);
  // The target stays set while the dialog fades out, so its text doesn't flash empty.
  const [confirmDelete, setConfirmDelete] = useState<HelpArticle | null>(null);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const shown = useMemo(
    () => (articles.data?.articles ?? []).filter((a) => matches(a, filter.trim())).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    [articles.data, filter],
  );

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <TextInput
          label={t("helpAdmin.filter")}
          placeholder={t("helpAdmin.filterPlaceholder")}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          w={320}
        />
        <Button onClick={() => setEditing(null)}>{t("helpAdmin.newArticle")}</Button>
      </Group>
      <ErrorAlert error={articles.error ?? publish.error ?? remove.error} />
      {articles.isPending ? <LoadingState /> : null}
      {articles.data && shown.length === 0 ? <EmptyState title={t("helpAdmin.empty")} /> : null}
      {shown.length > 0 ? (
        <Paper withBorder style={{ overflowX: "auto" }}>
          <Table striped aria-label={t("helpAdmin.title")} data-testid="help-articles">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("helpAdmin.col.title")}</Table.Th>
                <Table.Th>{t("helpAdmin.col.category")}</Table.Th>
                <Table.Th>{t("helpAdmin.col.state")}</Table.Th>
                <Table.Th ta="right">{t("helpAdmin.col.views")}</Table.Th>
                <Table.Th>{t("helpAdmin.col.updated")}</Table.Th>
                <Table.Th>{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((a) => (
                <Table.Tr key={a.slug} data-slug={a.slug}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {a.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {a.slug}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{categoryPath(a.category)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={a.published ? "green" : "gray"} variant="light">
                      {a.published ? t("helpAdmin.published") : t("helpAdmin.draft")}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{a.views}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{new Date(a.updatedAt).toLocaleString()}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="light"
                        aria-label={t("helpAdmin.editOf", { title: a.title })}
                        onClick={() => setEditing(a)}
                      >
                        {t("helpAdmin.edit")}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="light"
                        color={a.published ? "orange" : "green"}
                        aria-label={t(a.published ? "helpAdmin.unpublishOf" : "helpAdmin.publishOf", { title: a.title })}
                        onClick={() => publish.mutate({ slug: a.slug, published: !a.published })}
                      >
                        {a.published ? t("helpAdmin.unpublish") : t("helpAdmin.publish")}
                      </Button>
                      {a.published ? (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          component="a"
                          href={articlePath(a.slug)}
                          target="_blank"
                          rel="noopener"
                          aria-label={t("helpAdmin.viewOf", { title: a.title })}
                        >
                          {t("helpAdmin.view")}
                        </Button>
                      ) : null}
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={t("helpAdmin.deleteOf", { title: a.title })}
                        onClick={() => {
                          setConfirmDelete(a);
                          setDeleteOpen(true);
                        }}
                      >
                        {t("common.remove")}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
      {articles.data ? (
        <Text size="xs" c="dimmed">
          {t("helpAdmin.count", { count: articles.data.articles.length })}
        </Text>
      ) : null}
      {editing !== undefined ? (
        <ArticleEditorModal key={editing?.slug ?? "new"} article={editing} opened onClose={() => setEditing(undefined)} />
      ) : null}
      <ConfirmModal
        opened={deleteOpen}
        title={t("helpAdmin.deleteTitle")}
        message={t("helpAdmin.deleteConfirm", { title: confirmDelete?.title ?? "" })}
        onConfirm={() => confirmDelete && remove.mutate(confirmDelete.slug)}
        onClose={() => setDeleteOpen(false)}
      />
    </Stack>
  );
}
