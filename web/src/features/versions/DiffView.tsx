import { Badge, Group, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { BotDiff } from "../../api/types.js";

/** Blocks added, changed (with the fields) and removed, then the other parts that differ. */
export function DiffView({ diff }: { diff: BotDiff }) {
  const { t } = useTranslation();
  if (diff.identical) {
    return (
      <Text size="sm" c="dimmed" data-testid="diff-identical">
        {t("versions.identical")}
      </Text>
    );
  }
  const others = (["entities", "skills", "scenarios"] as const).filter(
    (k) => diff[k].added.length + diff[k].changed.length + diff[k].removed.length > 0,
  );
  return (
    <Stack gap="xs" data-testid="diff">
      {diff.blocks.added.length > 0 ? (
        <div>
          <Badge color="green" variant="light">
            {t("versions.added", { n: diff.blocks.added.length })}
          </Badge>
          <List size="sm">
            {diff.blocks.added.map((b) => (
              <List.Item key={b.id}>
                {b.name}{" "}
                <Text span size="xs" c="dimmed">
                  ({b.scenario})
                </Text>
              </List.Item>
            ))}
          </List>
        </div>
      ) : null}
      {diff.blocks.changed.length > 0 ? (
        <div>
          <Badge color="blue" variant="light">
            {t("versions.changed", { n: diff.blocks.changed.length })}
          </Badge>
          <List size="sm">
            {diff.blocks.changed.map((b) => (
              <List.Item key={b.id}>
                {b.name}{" "}
                <Text span size="xs" c="dimmed">
                  ({b.fields.map((f) => t(`versions.fields.${f}`, { defaultValue: f })).join(", ")})
                </Text>
              </List.Item>
            ))}
          </List>
        </div>
      ) : null}
      {diff.blocks.removed.length > 0 ? (
        <div>
          <Badge color="red" variant="light">
            {t("versions.removed", { n: diff.blocks.removed.length })}
          </Badge>
          <List size="sm">
            {diff.blocks.removed.map((b) => (
              <List.Item key={b.id}>{b.name}</List.Item>
            ))}
          </List>
        </div>
      ) : null}
      {others.map((k) => (
        <Group key={k} gap="xs">
          <Text size="sm" fw={600}>
            {t(`versions.parts.${k}`)}:
          </Text>
          <Text size="sm">
            {[...diff[k].added.map((n) => `+${n}`), ...diff[k].changed.map((n) => `~${n}`), ...diff[k].removed.map((n) => `-${n}`)].join(
              ", ",
            )}
          </Text>
        </Group>
      ))}
      {diff.bot.length > 0 ? (
        <Text size="sm">
          {t("versions.botFields")}: {diff.bot.map((f) => t(`versions.fields.${f}`, { defaultValue: f })).join(", ")}
        </Text>
      ) : null}
    </Stack>
  );
}
