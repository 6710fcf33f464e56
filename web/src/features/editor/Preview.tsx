/** Live preview of a block's answer with the shared chat renderer (clicks do nothing here). */
import { Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OutputComponent, QuickReply } from "../../../../src/core/skill/components.js";
import { BotMessage, ChatRoom, QuickReplies } from "../../renderer/index.js";
import { useRendererLabels } from "../simulator/renderer-labels.js";

export function Preview({
  botName,
  outputs,
  quickReplies,
}: {
  botName: string;
  outputs: readonly OutputComponent[];
  quickReplies: readonly QuickReply[];
}) {
  const { t } = useTranslation();
  const labels = useRendererLabels();
  return (
    <Paper withBorder style={{ overflow: "hidden" }} aria-label={t("preview.title")} data-testid="preview">
      <Text size="xs" fw={600} p={6} bg="gray.1">
        {t("preview.title")}
      </Text>
      <ChatRoom>
        {outputs.length > 0 ? (
          <BotMessage outputs={outputs} botName={botName} labels={labels} />
        ) : (
          <Text size="sm" c="dimmed">
            {t("preview.empty")}
          </Text>
        )}
        <QuickReplies replies={quickReplies} labels={labels} />
      </ChatRoom>
    </Paper>
  );
}
