// Limits of the output components (spec §2.6–§2.7), checked on structurally valid templates.
//
// Characters are counted as Unicode code points (an emoji is one character, as users see it).
// Documented limits are errors; display-only guidance and limits the platform does not document
// (quick reply label length, line counts we can only see through explicit newlines) are warnings.
import type {
  BasicCard,
  Button,
  ButtonLayout,
  Carousel,
  CommerceCard,
  ItemCard,
  ListCard,
  ListItem,
  OutputComponent,
  QuickReply,
  SkillTemplate,
  TextCard,
  Thumbnail,
} from "./components.js";
import { skillTemplateSchema } from "./components.js";
import { type Finding, finding, joinPath } from "./findings.js";

export const LIMITS = {
  outputsMin: 1,
  outputsMax: 3,
  quickRepliesMax: 10,
  /** Not documented by the platform; longer labels are a warning (see docs/skills.md). */
  quickReplyLabelMax: 14,
  simpleTextMax: 1000,
  simpleTextFold: 500,
  altTextMax: 50,
  textCardTitleMax: 50,
  textCardCombinedMax: 400,
  textCardCarouselDescriptionMax: 128,
  basicCardTitleMax: 50,
  basicCardDescriptionMax: 230,
  commerceCardTitleMax: 30,
  commerceCardDescriptionMax: 40,
  buttonsVerticalMax: 3,
  buttonsHorizontalMax: 2,
  buttonLabelMax: 14,
  buttonLabelHorizontalMax: 8,
  listCardItemsMax: 5,
  listCardCarouselItemsMax: 4,
  itemListMax: 10,
  itemListCarouselMax: 5,
  itemTitleMax: 6,
  itemDescriptionLines: 2,
  itemListSummaryDescriptionMax: 14,
  itemCardProfileTitleMax: 15,
  itemCardCombinedMax: 200,
  itemCardCarouselCombinedMax: 100,
  itemCardLinesMax: 12,
  carouselItemsMax: 10,
  listCardCarouselMax: 5,
  /** Per bubble (one output), measured as UTF-8 bytes of its JSON. */
  bubbleBytesMax: 30720,
} as const;

export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function lineCount(text: string): number {
  return text.split("\n").length;
}

/** UTF-8 byte length of a string without allocating an encoded copy. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Bubble size as the budget counts it: UTF-8 bytes of the output's compact JSON. */
export function bubbleBytes(output: unknown): number {
  return utf8ByteLength(JSON.stringify(output) ?? "");
}

type Ctx = { out: Finding[] };

function maxChars(ctx: Ctx, path: string, text: string | undefined, max: number): void {
  if (text === undefined) return;
  const n = charCount(text);
  if (n > max) ctx.out.push(finding(path, "max_length", `at most ${max} characters, got ${n}`));
}

function countRange(ctx: Ctx, path: string, n: number, min: number, max: number, why = ""): void {
  const suffix = why === "" ? "" : ` (${why})`;
  if (n < min) ctx.out.push(finding(path, "min_items", `at least ${min}${suffix}, got ${n}`));
  else if (n > max) ctx.out.push(finding(path, "max_items", `at most ${max}${suffix}, got ${n}`));
}

function nonEmpty(ctx: Ctx, path: string, text: string): void {
  if (text.trim() === "") ctx.out.push(finding(path, "required", "must not be empty"));
}

function thumbnailLimits(ctx: Ctx, path: string, thumb: Thumbnail): void {
  maxChars(ctx, joinPath(path, "altText"), thumb.altText, LIMITS.altTextMax);
  nonEmpty(ctx, joinPath(path, "imageUrl"), thumb.imageUrl);
}

/** Buttons sit horizontally when forced by buttonLayout or, by default, under a 1:1 (fixedRatio) thumbnail. */
export function isHorizontal(layout: ButtonLayout | undefined, thumbnail: Thumbnail | undefined): boolean {
  if (layout !== undefined) return layout === "horizontal";
  return thumbnail?.fixedRatio === true;
}

const BUTTON_REQUIRED_FIELD = {
  webLink: "webLinkUrl",
  message: "messageText",
  phone: "phoneNumber",
  block: "blockId",
} as const;

function buttonLimits(ctx: Ctx, path: string, buttons: readonly Button[] | undefined, horizontal: boolean): void {
  if (buttons === undefined) return;
  const max = horizontal ? LIMITS.buttonsHorizontalMax : LIMITS.buttonsVerticalMax;
  countRange(ctx, path, buttons.length, 0, max, horizontal ? "horizontal layout" : "");
  const labelMax = horizontal && buttons.length >= 2 ? LIMITS.buttonLabelHorizontalMax : LIMITS.buttonLabelMax;
  buttons.forEach((button, i) => {
    const at = joinPath(path, i);
    nonEmpty(ctx, joinPath(at, "label"), button.label);
    maxChars(ctx, joinPath(at, "label"), button.label, labelMax);
    if (button.action === "share" || button.action === "operator") return;
    const field = BUTTON_REQUIRED_FIELD[button.action];
    const value = button[field];
    if (value === undefined || value.trim() === "") {
      ctx.out.push(finding(joinPath(at, field), "action_field_required", `required when action is "${button.action}"`));
    }
  });
}

export function checkQuickReplyLimits(reply: QuickReply, path: string): Finding[] {
  const ctx: Ctx = { out: [] };
  quickReplyLimits(ctx, path, reply);
  return ctx.out;
}

function quickReplyLimits(ctx: Ctx, path: string, reply: QuickReply): void {
  nonEmpty(ctx, joinPath(path, "label"), reply.label);
  const n = charCount(reply.label);
  if (n > LIMITS.quickReplyLabelMax) {
    ctx.out.push(
      finding(
        joinPath(path, "label"),
        "max_length",
        `longer than ${LIMITS.quickReplyLabelMax} characters may be cut off, got ${n}`,
        "warning",
      ),
    );
  }
  if (reply.action === "block" && (reply.blockId === undefined || reply.blockId.trim() === "")) {
    ctx.out.push(finding(joinPath(path, "blockId"), "action_field_required", 'required when action is "block"'));
  }
}

function forwardableNote(ctx: Ctx, path: string, forwardable: boolean | undefined, why: string | null): void {
  if (forwardable === true && why !== null) {
    ctx.out.push(finding(joinPath(path, "forwardable"), "forwardable_ignored", `has no effect ${why}`, "warning"));
  }
}

function textCardLimits(ctx: Ctx, path: string, card: TextCard, inCarousel: boolean): void {
  if (card.title === undefined && card.description === undefined) {
    ctx.out.push(finding(path, "title_or_description", "needs a title or a description"));
  }
  maxChars(ctx, joinPath(path, "title"), card.title, LIMITS.textCardTitleMax);
  if (inCarousel) {
    maxChars(ctx, joinPath(path, "description"), card.description, LIMITS.textCardCarouselDescriptionMax);
  } else {
    const combined = charCount(card.title ?? "") + charCount(card.description ?? "");
    if (combined > LIMITS.textCardCombinedMax) {
      ctx.out.push(
        finding(
          joinPath(path, "description"),
          "combined_length",
          `title + description at most ${LIMITS.textCardCombinedMax} characters, got ${combined}`,
        ),
      );
    }
  }
  buttonLimits(ctx, joinPath(path, "buttons"), card.buttons, isHorizontal(card.buttonLayout, undefined));
  forwardableNote(ctx, path, card.forwardable, forwardReason(card.buttons, inCarousel));
}

function forwardReason(buttons: readonly Button[] | undefined, inCarousel: boolean): string | null {
  if (inCarousel) return "inside a carousel";
  if (buttons !== undefined && buttons.length > 0) return "on a bubble with buttons";
  return null;
}

function basicCardLimits(ctx: Ctx, path: string, card: BasicCard, inCarousel: boolean): void {
  maxChars(ctx, joinPath(path, "title"), card.title, LIMITS.basicCardTitleMax);
  maxChars(ctx, joinPath(path, "description"), card.description, LIMITS.basicCardDescriptionMax);
  thumbnailLimits(ctx, joinPath(path, "thumbnail"), card.thumbnail);
  buttonLimits(ctx, joinPath(path, "buttons"), card.buttons, isHorizontal(card.buttonLayout, card.thumbnail));
  forwardableNote(ctx, path, card.forwardable, forwardReason(card.buttons, inCarousel));
}

function integerField(ctx: Ctx, path: string, value: number | undefined): void {
  if (value !== undefined && !Number.isInteger(value)) {
    ctx.out.push(finding(path, "integer", `must be an integer, got ${value}`));
  }
}

function commerceCardLimits(ctx: Ctx, path: string, card: CommerceCard, inCarousel: boolean): void {
  maxChars(ctx, joinPath(path, "title"), card.title, LIMITS.commerceCardTitleMax);
  maxChars(ctx, joinPath(path, "description"), card.description, LIMITS.commerceCardDescriptionMax);
  integerField(ctx, joinPath(path, "price"), card.price);
  integerField(ctx, joinPath(path, "discount"), card.discount);
  integerField(ctx, joinPath(path, "discountedPrice"), card.discountedPrice);
  if (card.currency !== undefined && card.currency !== "won") {
    ctx.out.push(finding(joinPath(path, "currency"), "currency", `only "won" is supported, got "${card.currency}"`));
  }
  const thumbs = joinPath(path, "thumbnails");
  if (card.thumbnails.length !== 1) {
    ctx.out.push(finding(thumbs, "exact_items", `exactly 1, got ${card.thumbnails.length}`));
  }
  for (const [i, t] of card.thumbnails.entries()) thumbnailLimits(ctx, joinPath(thumbs, i), t);
  buttonLimits(ctx, joinPath(path, "buttons"), card.buttons, isHorizontal(card.buttonLayout, card.thumbnails[0]));
  forwardableNote(ctx, path, card.forwardable, forwardReason(card.buttons, inCarousel));
}

function listItemLimits(ctx: Ctx, path: string, item: ListItem): void {
  nonEmpty(ctx, joinPath(path, "title"), item.title);
  if (item.action === "block" && (item.blockId === undefined || item.blockId.trim() === "")) {
    ctx.out.push(finding(joinPath(path, "blockId"), "action_field_required", 'required when action is "block"'));
  }
}

function listCardLimits(ctx: Ctx, path: string, card: ListCard, inCarousel: boolean): void {
  nonEmpty(ctx, joinPath(path, "header.title"), card.header.title);
  const items = joinPath(path, "items");
  countRange(
    ctx,
    items,
    card.items.length,
    1,
    inCarousel ? LIMITS.listCardCarouselItemsMax : LIMITS.listCardItemsMax,
    inCarousel ? "inside a carousel" : "",
  );
  for (const [i, item] of card.items.entries()) listItemLimits(ctx, joinPath(items, i), item);
  buttonLimits(ctx, joinPath(path, "buttons"), card.buttons, isHorizontal(card.buttonLayout, undefined));
  const linked = card.items.some((i) => i.link !== undefined || i.action !== undefined);
  forwardableNote(ctx, path, card.forwardable, linked ? "when list items use link or action" : forwardReason(card.buttons, inCarousel));
}

function itemCardLimits(ctx: Ctx, path: string, card: ItemCard, inCarousel: boolean): void {
  if (card.head !== undefined && card.profile !== undefined) {
    ctx.out.push(finding(path, "head_xor_profile", "use head or profile, not both"));
  }
  if (card.thumbnail !== undefined) {
    const thumb = joinPath(path, "thumbnail");
    thumbnailLimits(ctx, thumb, card.thumbnail);
    const { width, height } = card.thumbnail;
    if (inCarousel && width !== undefined && height !== undefined && width !== height * 2) {
      ctx.out.push(finding(thumb, "thumbnail_ratio", `must be 2:1 inside a carousel, got ${width}x${height}`));
    }
  }
  if (card.head?.title.includes("\n")) {
    ctx.out.push(finding(joinPath(path, "head.title"), "max_lines", "is shown on one line", "warning"));
  }
  if (card.profile !== undefined) {
    maxChars(ctx, joinPath(path, "profile.title"), card.profile.title, LIMITS.itemCardProfileTitleMax);
  }
  const list = joinPath(path, "itemList");
  countRange(
    ctx,
    list,
    card.itemList.length,
    1,
    inCarousel ? LIMITS.itemListCarouselMax : LIMITS.itemListMax,
    inCarousel ? "inside a carousel" : "",
  );
  card.itemList.forEach((item, i) => {
    const at = joinPath(list, i);
    maxChars(ctx, joinPath(at, "title"), item.title, LIMITS.itemTitleMax);
    if (lineCount(item.description) > LIMITS.itemDescriptionLines) {
      ctx.out.push(finding(joinPath(at, "description"), "max_lines", `at most ${LIMITS.itemDescriptionLines} lines`, "warning"));
    }
  });
  if (card.itemListSummary !== undefined) {
    const at = joinPath(path, "itemListSummary");
    maxChars(ctx, joinPath(at, "title"), card.itemListSummary.title, LIMITS.itemTitleMax);
    const desc = card.itemListSummary.description;
    maxChars(ctx, joinPath(at, "description"), desc, LIMITS.itemListSummaryDescriptionMax);
    if (!/^[^\d]*[\d,]+(\.\d{1,2})?[^\d]*$/.test(desc)) {
      ctx.out.push(
        finding(
          joinPath(at, "description"),
          "summary_format",
          "expected an amount (digits, commas, up to 2 decimals, currency symbol)",
          "warning",
        ),
      );
    }
  }
  if (card.description !== undefined && card.title === undefined) {
    ctx.out.push(finding(joinPath(path, "description"), "description_requires_title", "needs a title"));
  }
  const combinedMax = inCarousel ? LIMITS.itemCardCarouselCombinedMax : LIMITS.itemCardCombinedMax;
  const combined = charCount(card.title ?? "") + charCount(card.description ?? "");
  if (combined > combinedMax) {
    ctx.out.push(
      finding(
        joinPath(path, card.description === undefined ? "title" : "description"),
        "combined_length",
        `title + description at most ${combinedMax} characters, got ${combined}`,
      ),
    );
  }
  const lines = (card.title === undefined ? 0 : lineCount(card.title)) + (card.description === undefined ? 0 : lineCount(card.description));
  if (lines > LIMITS.itemCardLinesMax) {
    ctx.out.push(
      finding(joinPath(path, "description"), "max_lines", `title + description at most ${LIMITS.itemCardLinesMax} lines, got ${lines}`),
    );
  }
  buttonLimits(ctx, joinPath(path, "buttons"), card.buttons, isHorizontal(card.buttonLayout, undefined));
  forwardableNote(ctx, path, card.forwardable, forwardReason(card.buttons, inCarousel));
}

const ITEM_CARD_PARTS = ["thumbnail", "head", "profile", "imageTitle"] as const;

function carouselLimits(ctx: Ctx, path: string, carousel: Carousel): void {
  const items = joinPath(path, "items");
  const max = carousel.type === "listCard" ? LIMITS.listCardCarouselMax : LIMITS.carouselItemsMax;
  countRange(ctx, items, carousel.items.length, 1, max, carousel.type === "listCard" ? "listCard carousel" : "");
  if (carousel.header !== undefined) {
    const header = joinPath(path, "header");
    if (carousel.type === "textCard" || carousel.type === "listCard") {
      ctx.out.push(finding(header, "header_not_supported", `not supported for ${carousel.type} carousels`));
    }
    thumbnailLimits(ctx, joinPath(header, "thumbnail"), carousel.header.thumbnail);
  }
  switch (carousel.type) {
    case "textCard":
      for (const [i, c] of carousel.items.entries()) textCardLimits(ctx, joinPath(items, i), c, true);
      break;
    case "basicCard":
      for (const [i, c] of carousel.items.entries()) basicCardLimits(ctx, joinPath(items, i), c, true);
      ratioConsistency(
        ctx,
        items,
        carousel.items.map((c) => c.thumbnail),
      );
      break;
    case "commerceCard":
      for (const [i, c] of carousel.items.entries()) commerceCardLimits(ctx, joinPath(items, i), c, true);
      ratioConsistency(
        ctx,
        items,
        carousel.items.map((c) => c.thumbnails[0]),
      );
      break;
    case "listCard":
      for (const [i, c] of carousel.items.entries()) listCardLimits(ctx, joinPath(items, i), c, true);
      break;
    case "itemCard":
      for (const [i, c] of carousel.items.entries()) itemCardLimits(ctx, joinPath(items, i), c, true);
      for (const part of ITEM_CARD_PARTS) {
        const withPart = carousel.items.filter((c) => c[part] !== undefined).length;
        if (withPart > 0 && withPart < carousel.items.length) {
          ctx.out.push(
            finding(items, "carousel_consistency", `${part} must be set on all cards or none, got ${withPart} of ${carousel.items.length}`),
          );
        }
      }
      break;
  }
}

/** All images in one carousel share one ratio; fixedRatio is the part we can see. */
function ratioConsistency(ctx: Ctx, path: string, thumbs: readonly (Thumbnail | undefined)[]): void {
  const square = thumbs.filter((t) => t?.fixedRatio === true).length;
  if (square > 0 && square < thumbs.length) {
    ctx.out.push(
      finding(path, "ratio_mismatch", `all thumbnails should share one ratio, ${square} of ${thumbs.length} are 1:1`, "warning"),
    );
  }
}

export function checkOutputLimits(output: OutputComponent, path: string): Finding[] {
  const ctx: Ctx = { out: [] };
  if ("simpleText" in output) {
    const at = joinPath(joinPath(path, "simpleText"), "text");
    const text = output.simpleText.text;
    nonEmpty(ctx, at, text);
    maxChars(ctx, at, text, LIMITS.simpleTextMax);
    const n = charCount(text);
    if (n > LIMITS.simpleTextFold && n <= LIMITS.simpleTextMax) {
      ctx.out.push(finding(at, "fold", `over ${LIMITS.simpleTextFold} characters is folded behind "전체 보기"`, "warning"));
    }
  } else if ("simpleImage" in output) {
    const at = joinPath(path, "simpleImage");
    nonEmpty(ctx, joinPath(at, "imageUrl"), output.simpleImage.imageUrl);
    maxChars(ctx, joinPath(at, "altText"), output.simpleImage.altText, LIMITS.altTextMax);
  } else if ("textCard" in output) textCardLimits(ctx, joinPath(path, "textCard"), output.textCard, false);
  else if ("basicCard" in output) basicCardLimits(ctx, joinPath(path, "basicCard"), output.basicCard, false);
  else if ("commerceCard" in output) commerceCardLimits(ctx, joinPath(path, "commerceCard"), output.commerceCard, false);
  else if ("listCard" in output) listCardLimits(ctx, joinPath(path, "listCard"), output.listCard, false);
  else if ("itemCard" in output) itemCardLimits(ctx, joinPath(path, "itemCard"), output.itemCard, false);
  else carouselLimits(ctx, joinPath(path, "carousel"), output.carousel);
  return ctx.out;
}

/** Checks the bubble budget of one output; pass the raw JSON value when you have it (unknown keys count too). */
export function checkBubbleBytes(output: unknown, path: string): Finding[] {
  const bytes = bubbleBytes(output);
  if (bytes <= LIMITS.bubbleBytesMax) return [];
  return [finding(path, "bubble_size", `at most ${LIMITS.bubbleBytesMax} bytes, got ${bytes}`)];
}

/**
 * Every limit of a structurally valid template. `rawOutputs` (same order as template.outputs) are
 * measured for the 30 KB budget when given; otherwise the parsed outputs are.
 */
export function checkTemplateLimits(template: SkillTemplate, path = "template", rawOutputs?: readonly unknown[]): Finding[] {
  const out: Finding[] = [];
  const outputs = joinPath(path, "outputs");
  const ctx: Ctx = { out };
  countRange(ctx, outputs, template.outputs.length, LIMITS.outputsMin, LIMITS.outputsMax);
  template.outputs.forEach((output, i) => {
    const at = joinPath(outputs, i);
    out.push(...checkOutputLimits(output, at));
    out.push(...checkBubbleBytes(rawOutputs?.[i] ?? output, at));
  });
  if (template.quickReplies !== undefined) {
    const qr = joinPath(path, "quickReplies");
    countRange(ctx, qr, template.quickReplies.length, 0, LIMITS.quickRepliesMax);
    for (const [i, reply] of template.quickReplies.entries()) quickReplyLimits(ctx, joinPath(qr, i), reply);
  }
  return out;
}

/**
 * skillTemplateSchema plus every error-level limit, for callers that want one parse (bot files, forms).
 * Issues carry the finding's message, which names the path inside the template.
 */
export const skillTemplateWithLimitsSchema = skillTemplateSchema.superRefine((template, ctx) => {
  for (const f of checkTemplateLimits(template, "")) {
    if (f.severity === "error") ctx.addIssue({ code: "custom", message: f.message, params: { rule: f.rule, path: f.path } });
  }
});
