import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { BotFile } from "../../../../src/core/bot/schema.js";

/** Choose a block to jump to, grouped by scenario; shows the name, stores the id. */
export function BlockPicker({
  bot,
  value,
  onChange,
  label,
  disabled,
}: {
  bot: BotFile;
  value: string | undefined;
  onChange(id: string): void;
  label?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const data = bot.scenarios.map((s) => ({ group: s.name, items: s.blocks.map((b) => ({ value: b.id, label: b.name })) }));
  const known = value === undefined || bot.scenarios.some((s) => s.blocks.some((b) => b.id === value));
  return (
    <Select
      label={label ?? t("buttons.block")}
      placeholder={t("buttons.pickBlock")}
      searchable
      disabled={disabled}
      value={value ?? null}
      data={data}
      error={known ? undefined : t("buttons.unknownBlock", { id: value })}
      onChange={(v) => v && onChange(v)}
      nothingFoundMessage={t("common.nothingFound")}
    />
  );
}
