/** Save errors with each problem placed on its block (click to open it) instead of a raw JSON path. */
import { Alert, Anchor, Code, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { BotFile } from "../../../../src/core/bot/schema.js";
import { ApiError } from "../../api/client.js";
import { localizeDetail } from "../../lib/localize-detail.js";
import { ErrorAlert } from "../../lib/states.js";

const BLOCK_PATH = /^(?:body\.)?(?:bot\.)?scenarios\[(\d+)\]\.blocks\[(\d+)\]\.?(.*)$/;

export function SaveErrors({ error, bot, onOpenBlock }: { error: unknown; bot: BotFile; onOpenBlock(id: string): void }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || error.details.length === 0) return <ErrorAlert error={error} title={t("editor.saveFailed")} />;
  return (
    <Alert color="red" title={t("editor.saveFailed")} role="alert" data-testid="save-errors">
      <Text size="sm">{t(`errors.codes.${error.code}`, { defaultValue: error.message })}</Text>
      <List size="sm" mt="xs" spacing={4}>
        {error.details.map((d, i) => {
          const m = BLOCK_PATH.exec(d.path);
          const block = m ? bot.scenarios[Number(m[1])]?.blocks[Number(m[2])] : undefined;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: details may repeat a path
            <List.Item key={i}>
              {block ? (
                <>
                  <Anchor component="button" type="button" size="sm" onClick={() => onOpenBlock(block.id)}>
                    {t("editor.inBlock", { name: block.name })}
                  </Anchor>{" "}
                  {m?.[3] ? <Code>{m[3]}</Code> : null}
                </>
              ) : (
                <Code>{d.path}</Code>
              )}{" "}
              {localizeDetail(d.message, t)}
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
