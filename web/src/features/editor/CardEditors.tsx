/** Editors for each card type. `inCarousel` switches to the tighter carousel limits. */
import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Switch, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { BotFile } from "../../../../src/core/bot/schema.js";
import type { BasicCard, CommerceCard, ItemCard, ListCard, ListItem, TextCard, Thumbnail } from "../../../../src/core/skill/components.js";
import { charCount, LIMITS } from "../../../../src/core/skill/limits.js";
import { BlockPicker } from "./BlockPicker.js";
import { CardButtons } from "./ButtonsEditor.js";
import { LimitedText, optional } from "./fields.js";

interface EditorProps<T> {
  bot: BotFile;
  value: T;
  onChange(value: T): void;
  inCarousel: boolean;
}

function ThumbnailFields({ value, onChange, square = true }: { value: Thumbnail; onChange(t: Thumbnail): void; square?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <div style={{ flex: "2 1 220px" }}>
        <LimitedText
          label={t("components.imageUrl")}
          placeholder="https://"
          value={value.imageUrl}
          onChange={(imageUrl) => onChange({ ...value, imageUrl })}
        />
      </div>
      <div style={{ flex: "1 1 140px" }}>
        <LimitedText
          label={t("components.altText")}
          value={value.altText ?? ""}
          max={LIMITS.altTextMax}
          onChange={(v) => onChange({ ...value, altText: optional(v) })}
        />
      </div>
      {square ? (
        <Switch
          label={t("components.fixedRatio")}
          checked={value.fixedRatio === true}
          onChange={(e) => onChange({ ...value, fixedRatio: e.currentTarget.checked ? true : undefined })}
        />
      ) : null}
    </Group>
  );
}

export function TextCardEditor({ bot, value, onChange, inCarousel }: EditorProps<TextCard>) {
  const { t } = useTranslation();
  const combined = charCount(value.title ?? "") + charCount(value.description ?? "");
  const combinedError =
    !inCarousel && combined > LIMITS.textCardCombinedMax
      ? t("limits.combined", { max: LIMITS.textCardCombinedMax, n: combined })
      : undefined;
  return (
    <Stack gap="xs">
      <LimitedText
        label={t("components.title")}
        value={value.title ?? ""}
        max={LIMITS.textCardTitleMax}
        onChange={(v) => onChange({ ...value, title: optional(v) })}
      />
      <LimitedText
        label={t("components.description")}
        multiline
        value={value.description ?? ""}
        max={inCarousel ? LIMITS.textCardCarouselDescriptionMax : undefined}
        description={inCarousel ? undefined : t("limits.combinedHint", { max: LIMITS.textCardCombinedMax, n: combined })}
        error={combinedError}
        onChange={(v) => onChange({ ...value, description: optional(v) })}
      />
      <CardButtons bot={bot} value={value} onChange={onChange} />
    </Stack>
  );
}

export function BasicCardEditor({ bot, value, onChange }: EditorProps<BasicCard>) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <ThumbnailFields value={value.thumbnail} onChange={(thumbnail) => onChange({ ...value, thumbnail })} />
      <LimitedText
        label={t("components.title")}
        value={value.title ?? ""}
        max={LIMITS.basicCardTitleMax}
        onChange={(v) => onChange({ ...value, title: optional(v) })}
      />
      <LimitedText
        label={t("components.description")}
        multiline
        value={value.description ?? ""}
        max={LIMITS.basicCardDescriptionMax}
        onChange={(v) => onChange({ ...value, description: optional(v) })}
      />
      <CardButtons bot={bot} value={value} thumbnail={value.thumbnail} onChange={onChange} />
    </Stack>
  );
}

function numberOrUndefined(v: string | number): number | undefined {
  return typeof v === "number" ? v : undefined;
}

export function CommerceCardEditor({ bot, value, onChange }: EditorProps<CommerceCard>) {
  const { t } = useTranslation();
  const thumb = value.thumbnails[0] ?? { imageUrl: "" };
  return (
    <Stack gap="xs">
      <ThumbnailFields value={thumb} onChange={(th) => onChange({ ...value, thumbnails: [th] })} />
      <LimitedText
        label={t("components.title")}
        value={value.title ?? ""}
        max={LIMITS.commerceCardTitleMax}
        onChange={(v) => onChange({ ...value, title: optional(v) })}
      />
      <LimitedText
        label={t("components.description")}
        value={value.description ?? ""}
        max={LIMITS.commerceCardDescriptionMax}
        onChange={(v) => onChange({ ...value, description: optional(v) })}
      />
      <Group gap="xs" grow>
        <NumberInput
          label={t("components.price")}
          required
          allowDecimal={false}
          min={0}
          value={value.price}
          onChange={(v) => onChange({ ...value, price: numberOrUndefined(v) ?? 0 })}
        />
        <NumberInput
          label={t("components.discount")}
          allowDecimal={false}
          min={0}
          value={value.discount ?? ""}
          onChange={(v) => onChange({ ...value, discount: numberOrUndefined(v) })}
        />
        <NumberInput
          label={t("components.discountRate")}
          allowDecimal={false}
          min={0}
          max={100}
          value={value.discountRate ?? ""}
          onChange={(v) => onChange({ ...value, discountRate: numberOrUndefined(v) })}
        />
        <NumberInput
          label={t("components.discountedPrice")}
          allowDecimal={false}
          min={0}
          value={value.discountedPrice ?? ""}
          onChange={(v) => onChange({ ...value, discountedPrice: numberOrUndefined(v) })}
        />
      </Group>
      <CardButtons bot={bot} value={value} thumbnail={value.thumbnails[0]} onChange={onChange} />
    </Stack>
  );
}

function ListItemEditor({
  bot,
  item,
  onChange,
  onRemove,
  n,
}: {
  bot: BotFile;
  item: ListItem;
  onChange(i: ListItem): void;
  onRemove(): void;
  n: number;
}) {
  const { t } = useTranslation();
  const mode = item.action ?? (item.link ? "link" : "none");
  return (
    <Paper withBorder p="xs">
      <Group align="flex-start" gap="xs" wrap="wrap">
        <div style={{ flex: "1 1 140px" }}>
          <LimitedText label={t("components.title")} required value={item.title} onChange={(title) => onChange({ ...item, title })} />
        </div>
        <div style={{ flex: "1 1 140px" }}>
          <LimitedText
            label={t("components.description")}
            value={item.description ?? ""}
            onChange={(v) => onChange({ ...item, description: optional(v) })}
          />
        </div>
        <div style={{ flex: "1 1 160px" }}>
          <LimitedText
            label={t("components.imageUrl")}
            value={item.imageUrl ?? ""}
            onChange={(v) => onChange({ ...item, imageUrl: optional(v) })}
          />
        </div>
        <Select
          style={{ flex: "0 1 120px" }}
          label={t("buttons.action")}
          value={mode}
          allowDeselect={false}
          data={[
            { value: "none", label: t("components.itemActionNone") },
            { value: "block", label: t("buttons.actions.block") },
            { value: "message", label: t("buttons.actions.message") },
            { value: "link", label: t("buttons.actions.webLink") },
          ]}
          onChange={(v) => {
            const base: ListItem = { title: item.title, description: item.description, imageUrl: item.imageUrl };
            if (v === "block" || v === "message") onChange({ ...base, action: v });
            else if (v === "link") onChange({ ...base, link: { web: "" } });
            else onChange(base);
          }}
        />
        <div style={{ flex: "1 1 160px" }}>
          {mode === "block" ? <BlockPicker bot={bot} value={item.blockId} onChange={(blockId) => onChange({ ...item, blockId })} /> : null}
          {mode === "message" ? (
            <LimitedText
              label={t("buttons.messageText")}
              value={item.messageText ?? ""}
              onChange={(v) => onChange({ ...item, messageText: optional(v) })}
            />
          ) : null}
          {mode === "link" ? (
            <LimitedText
              label={t("buttons.webLinkUrl")}
              value={item.link?.web ?? ""}
              onChange={(web) => onChange({ ...item, link: { web } })}
            />
          ) : null}
        </div>
        <ActionIcon mt={24} variant="subtle" color="red" aria-label={t("components.removeItem", { n })} onClick={onRemove}>
          ✕
        </ActionIcon>
      </Group>
    </Paper>
  );
}

export function ListCardEditor({ bot, value, onChange, inCarousel }: EditorProps<ListCard>) {
  const { t } = useTranslation();
  const max = inCarousel ? LIMITS.listCardCarouselItemsMax : LIMITS.listCardItemsMax;
  const setItem = (i: number, item: ListItem) => onChange({ ...value, items: value.items.map((x, j) => (j === i ? item : x)) });
  return (
    <Stack gap="xs">
      <LimitedText
        label={t("components.headerTitle")}
        required
        value={value.header.title}
        onChange={(title) => onChange({ ...value, header: { ...value.header, title } })}
      />
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t("components.items")} ({value.items.length}/{max})
        </Text>
        <Button
          size="xs"
          variant="light"
          disabled={value.items.length >= max}
          onClick={() => onChange({ ...value, items: [...value.items, { title: "" }] })}
        >
          {t("components.addItem")}
        </Button>
      </Group>
      {value.items.map((item, i) => (
        <ListItemEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: items are positional
          key={i}
          n={i + 1}
          bot={bot}
          item={item}
          onChange={(next) => setItem(i, next)}
          onRemove={() => onChange({ ...value, items: value.items.filter((_, j) => j !== i) })}
        />
      ))}
      <CardButtons bot={bot} value={value} withLayout={false} onChange={onChange} />
    </Stack>
  );
}

export function ItemCardEditor({ bot, value, onChange, inCarousel }: EditorProps<ItemCard>) {
  const { t } = useTranslation();
  const max = inCarousel ? LIMITS.itemListCarouselMax : LIMITS.itemListMax;
  const combinedMax = inCarousel ? LIMITS.itemCardCarouselCombinedMax : LIMITS.itemCardCombinedMax;
  const combined = charCount(value.title ?? "") + charCount(value.description ?? "");
  const setRow = (i: number, row: { title: string; description: string }) =>
    onChange({ ...value, itemList: value.itemList.map((x, j) => (j === i ? row : x)) });
  return (
    <Stack gap="xs">
      <Switch
        label={t("components.useThumbnail")}
        checked={value.thumbnail !== undefined}
        onChange={(e) =>
          onChange({ ...value, thumbnail: e.currentTarget.checked ? { imageUrl: "https://example.com/image.png" } : undefined })
        }
      />
      {value.thumbnail ? (
        <ThumbnailFields value={value.thumbnail} square={false} onChange={(thumbnail) => onChange({ ...value, thumbnail })} />
      ) : null}
      <LimitedText
        label={t("components.headTitle")}
        value={value.head?.title ?? ""}
        onChange={(v) => onChange({ ...value, head: v === "" ? undefined : { title: v } })}
      />
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t("components.itemList")} ({value.itemList.length}/{max})
        </Text>
        <Button
          size="xs"
          variant="light"
          disabled={value.itemList.length >= max}
          onClick={() => onChange({ ...value, itemList: [...value.itemList, { title: "", description: "" }] })}
        >
          {t("components.addRow")}
        </Button>
      </Group>
      {value.itemList.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          <LimitedText
            label={t("components.rowTitle")}
            value={row.title}
            max={LIMITS.itemTitleMax}
            onChange={(title) => setRow(i, { ...row, title })}
          />
          <div style={{ flex: 1 }}>
            <LimitedText
              label={t("components.rowValue")}
              value={row.description}
              onChange={(description) => setRow(i, { ...row, description })}
            />
          </div>
          <ActionIcon
            mt={24}
            variant="subtle"
            color="red"
            aria-label={t("components.removeItem", { n: i + 1 })}
            onClick={() => onChange({ ...value, itemList: value.itemList.filter((_, j) => j !== i) })}
          >
            ✕
          </ActionIcon>
        </Group>
      ))}
      <Select
        label={t("components.alignment")}
        w={160}
        value={value.itemListAlignment ?? "right"}
        allowDeselect={false}
        data={[
          { value: "right", label: t("components.alignRight") },
          { value: "left", label: t("components.alignLeft") },
        ]}
        onChange={(v) => onChange({ ...value, itemListAlignment: v === "left" ? "left" : undefined })}
      />
      <LimitedText label={t("components.title")} value={value.title ?? ""} onChange={(v) => onChange({ ...value, title: optional(v) })} />
      <LimitedText
        label={t("components.description")}
        multiline
        value={value.description ?? ""}
        description={t("limits.combinedHint", { max: combinedMax, n: combined })}
        error={combined > combinedMax ? t("limits.combined", { max: combinedMax, n: combined }) : undefined}
        onChange={(v) => onChange({ ...value, description: optional(v) })}
      />
      <CardButtons bot={bot} value={value} withLayout={false} onChange={onChange} />
    </Stack>
  );
}
