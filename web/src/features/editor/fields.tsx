/** Inputs with live character counters; over the limit they turn red and say by how much. */
import { Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { charCount } from "../../../../src/core/skill/limits.js";

interface LimitedProps {
  label: string;
  value: string;
  max?: number;
  /** A softer threshold (e.g. the 500-character fold) shown as a hint, not an error. */
  soft?: { at: number; message: string };
  onChange(value: string): void;
  multiline?: boolean;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  description?: string;
  error?: string | undefined;
}

export function LimitedText({
  label,
  value,
  max,
  soft,
  onChange,
  multiline,
  required,
  disabled,
  placeholder,
  description,
  error,
}: LimitedProps) {
  const { t } = useTranslation();
  const n = charCount(value);
  const over = max !== undefined && n > max;
  const counter = max !== undefined ? `${n} / ${max}` : undefined;
  const overMessage = over ? t("limits.over", { max, over: n - (max ?? 0) }) : undefined;
  const hint = !over && soft && n > soft.at ? soft.message : undefined;
  const shownError = overMessage ?? error;
  const desc = [description, hint].filter(Boolean).join(" · ") || undefined;
  const common = {
    label,
    value,
    required,
    disabled,
    placeholder,
    description: desc,
    error: shownError,
    onChange: (e: { currentTarget: { value: string } }) => onChange(e.currentTarget.value),
    rightSectionWidth: counter ? 70 : undefined,
    rightSection: counter ? (
      <span aria-live="polite" style={{ fontSize: 11, color: over ? "var(--mantine-color-red-7)" : "var(--mantine-color-dimmed)" }}>
        {counter}
      </span>
    ) : undefined,
  };
  if (multiline) return <Textarea {...common} autosize minRows={2} maxRows={10} />;
  return <TextInput {...common} />;
}

/** Optional text: empty input removes the field instead of storing "". */
export function optional(value: string): string | undefined {
  return value === "" ? undefined : value;
}
