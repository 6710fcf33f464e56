/**
 * Chatbot helper templates: bot files with %PHONE% and %ADDRESS% placeholders that the wizard fills
 * with the channel's contact details (the bot keeps its own copy in `info`).
 */
import consult from "./templates/consult.json";
import faq from "./templates/faq.json";
import reservation from "./templates/reservation.json";
import shop from "./templates/shop.json";

export type TemplateId = "shop" | "reservation" | "faq" | "consult";

export const TEMPLATES: ReadonlyArray<{ id: TemplateId; file: unknown }> = [
  { id: "shop", file: shop },
  { id: "reservation", file: reservation },
  { id: "faq", file: faq },
  { id: "consult", file: consult },
];

export interface HelperAnswers {
  template: TemplateId;
  name: string;
  phone: string;
  address: string;
}

function fill(value: unknown, answers: HelperAnswers): unknown {
  if (typeof value === "string") return value.replaceAll("%PHONE%", answers.phone).replaceAll("%ADDRESS%", answers.address);
  if (Array.isArray(value)) return value.map((v) => fill(v, answers));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, answers)]));
  }
  return value;
}

/** The bot file the helper imports: the template with the contact details copied in. */
export function buildHelperBot(answers: HelperAnswers): Record<string, unknown> {
  const template = TEMPLATES.find((t) => t.id === answers.template) ?? TEMPLATES[0];
  const filled = fill(template?.file, answers);
  const base = typeof filled === "object" && filled !== null ? filled : {};
  return { ...base, name: answers.name, info: { phone: answers.phone, address: answers.address } };
}
