// Output components of the skill protocol (version "2.0"), shaped exactly like the wire JSON.
//
// These schemas check structure only: types, required fields and enums. Limits (text lengths, button
// counts, carousel rules, the 30 KB bubble budget) depend on where a component sits (single bubble vs
// carousel, horizontal vs vertical buttons), so they live in ./limits.ts and report every violation with
// its JSON path. Use `checkTemplateLimits` (or `skillTemplateWithLimitsSchema`) to enforce them.
// Unknown keys are stripped, as the hosted platform ignores them.
import { z } from "zod";

/** Free-form `extra` object, delivered back as `action.clientExtra` on the next request. */
const extraSchema = z.record(z.string(), z.unknown());

export const linkSchema = z.object({
  pc: z.string().optional(),
  mobile: z.string().optional(),
  web: z.string().optional(),
});

export const thumbnailSchema = z.object({
  imageUrl: z.string(),
  altText: z.string().optional(),
  link: linkSchema.optional(),
  /** true → 1:1 area (buttons horizontal, max 2); false/absent → 2:1 crop. */
  fixedRatio: z.boolean().optional(),
  /** itemCard thumbnails carry their pixel size. */
  width: z.number().optional(),
  height: z.number().optional(),
});

export const profileSchema = z.object({
  nickname: z.string(),
  imageUrl: z.string().optional(),
});

export const buttonActionSchema = z.enum(["webLink", "message", "phone", "block", "share", "operator"]);

export const buttonSchema = z.object({
  label: z.string(),
  action: buttonActionSchema,
  webLinkUrl: z.string().optional(),
  messageText: z.string().optional(),
  phoneNumber: z.string().optional(),
  blockId: z.string().optional(),
  extra: extraSchema.optional(),
});

export const buttonLayoutSchema = z.enum(["vertical", "horizontal"]);

export const quickReplySchema = z.object({
  label: z.string(),
  action: z.enum(["message", "block"]),
  messageText: z.string().optional(),
  blockId: z.string().optional(),
  extra: extraSchema.optional(),
});

export const listItemSchema = z.object({
  title: z.string(),
  description: z.string().optional(),
  imageUrl: z.string().optional(),
  link: linkSchema.optional(),
  action: z.enum(["block", "message"]).optional(),
  blockId: z.string().optional(),
  messageText: z.string().optional(),
  extra: extraSchema.optional(),
});

export const simpleTextSchema = z.object({ text: z.string() });

export const simpleImageSchema = z.object({
  imageUrl: z.string(),
  altText: z.string(),
});

export const textCardSchema = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  buttons: z.array(buttonSchema).optional(),
  buttonLayout: buttonLayoutSchema.optional(),
  forwardable: z.boolean().optional(),
});

export const socialSchema = z.object({
  like: z.number().optional(),
  comment: z.number().optional(),
  share: z.number().optional(),
});

export const basicCardSchema = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  thumbnail: thumbnailSchema,
  profile: profileSchema.optional(),
  social: socialSchema.optional(),
  buttons: z.array(buttonSchema).optional(),
  buttonLayout: buttonLayoutSchema.optional(),
  forwardable: z.boolean().optional(),
});

export const commerceCardSchema = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  /** Integer price; checked in limits (the wire type is a JSON number). */
  price: z.number(),
  /** Only "won" is supported; checked in limits. */
  currency: z.string().optional(),
  discount: z.number().optional(),
  discountRate: z.number().optional(),
  discountedPrice: z.number().optional(),
  /** Exactly one; checked in limits. */
  thumbnails: z.array(thumbnailSchema),
  profile: profileSchema.optional(),
  buttons: z.array(buttonSchema).optional(),
  buttonLayout: buttonLayoutSchema.optional(),
  forwardable: z.boolean().optional(),
});

export const listCardSchema = z.object({
  /** Only the header's title is rendered. */
  header: listItemSchema,
  items: z.array(listItemSchema),
  buttons: z.array(buttonSchema).optional(),
  buttonLayout: buttonLayoutSchema.optional(),
  forwardable: z.boolean().optional(),
});

export const itemCardHeadSchema = z.object({ title: z.string() });

/** itemCard's profile differs from the common Profile: it has `title`, not `nickname`. */
export const itemCardProfileSchema = z.object({
  title: z.string(),
  imageUrl: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
});

export const itemCardImageTitleSchema = z.object({
  title: z.string(),
  description: z.string().optional(),
  imageUrl: z.string().optional(),
});

export const itemCardItemSchema = z.object({
  title: z.string(),
  description: z.string(),
});

export const itemCardSchema = z.object({
  thumbnail: thumbnailSchema.optional(),
  head: itemCardHeadSchema.optional(),
  profile: itemCardProfileSchema.optional(),
  imageTitle: itemCardImageTitleSchema.optional(),
  itemList: z.array(itemCardItemSchema),
  itemListAlignment: z.enum(["left", "right"]).optional(),
  itemListSummary: itemCardItemSchema.optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  buttons: z.array(buttonSchema).optional(),
  buttonLayout: buttonLayoutSchema.optional(),
  forwardable: z.boolean().optional(),
});

export const carouselHeaderSchema = z.object({
  title: z.string(),
  description: z.string().optional(),
  thumbnail: thumbnailSchema,
});

// `header` is accepted structurally on every carousel type so that limits can report it by path
// (it is not supported for textCard and listCard carousels).
export const carouselSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("textCard"),
    items: z.array(textCardSchema),
    header: carouselHeaderSchema.optional(),
  }),
  z.object({
    type: z.literal("basicCard"),
    items: z.array(basicCardSchema),
    header: carouselHeaderSchema.optional(),
  }),
  z.object({
    type: z.literal("commerceCard"),
    items: z.array(commerceCardSchema),
    header: carouselHeaderSchema.optional(),
  }),
  z.object({
    type: z.literal("listCard"),
    items: z.array(listCardSchema),
    header: carouselHeaderSchema.optional(),
  }),
  z.object({
    type: z.literal("itemCard"),
    items: z.array(itemCardSchema),
    header: carouselHeaderSchema.optional(),
  }),
]);

/** Component keys in wire order; an output object carries exactly one of them. */
export const COMPONENT_KEYS = [
  "simpleText",
  "simpleImage",
  "textCard",
  "basicCard",
  "commerceCard",
  "listCard",
  "itemCard",
  "carousel",
] as const;
export type ComponentKey = (typeof COMPONENT_KEYS)[number];

/** The schema for each component key, for callers that dispatch on the key themselves. */
export const componentSchemas = {
  simpleText: simpleTextSchema,
  simpleImage: simpleImageSchema,
  textCard: textCardSchema,
  basicCard: basicCardSchema,
  commerceCard: commerceCardSchema,
  listCard: listCardSchema,
  itemCard: itemCardSchema,
  carousel: carouselSchema,
} as const;

export const outputComponentSchema = z.union([
  z.strictObject({ simpleText: simpleTextSchema }),
  z.strictObject({ simpleImage: simpleImageSchema }),
  z.strictObject({ textCard: textCardSchema }),
  z.strictObject({ basicCard: basicCardSchema }),
  z.strictObject({ commerceCard: commerceCardSchema }),
  z.strictObject({ listCard: listCardSchema }),
  z.strictObject({ itemCard: itemCardSchema }),
  z.strictObject({ carousel: carouselSchema }),
]);

export const skillTemplateSchema = z.object({
  outputs: z.array(outputComponentSchema).min(1).max(3),
  quickReplies: z.array(quickReplySchema).max(10).optional(),
});

export type Link = z.infer<typeof linkSchema>;
export type Thumbnail = z.infer<typeof thumbnailSchema>;
export type Profile = z.infer<typeof profileSchema>;
export type ButtonAction = z.infer<typeof buttonActionSchema>;
export type Button = z.infer<typeof buttonSchema>;
export type ButtonLayout = z.infer<typeof buttonLayoutSchema>;
export type QuickReply = z.infer<typeof quickReplySchema>;
export type ListItem = z.infer<typeof listItemSchema>;
export type SimpleText = z.infer<typeof simpleTextSchema>;
export type SimpleImage = z.infer<typeof simpleImageSchema>;
export type TextCard = z.infer<typeof textCardSchema>;
export type Social = z.infer<typeof socialSchema>;
export type BasicCard = z.infer<typeof basicCardSchema>;
export type CommerceCard = z.infer<typeof commerceCardSchema>;
export type ListCard = z.infer<typeof listCardSchema>;
export type ItemCardProfile = z.infer<typeof itemCardProfileSchema>;
export type ItemCardImageTitle = z.infer<typeof itemCardImageTitleSchema>;
export type ItemCardItem = z.infer<typeof itemCardItemSchema>;
export type ItemCard = z.infer<typeof itemCardSchema>;
export type CarouselHeader = z.infer<typeof carouselHeaderSchema>;
export type Carousel = z.infer<typeof carouselSchema>;
export type CarouselType = Carousel["type"];
export type OutputComponent = z.infer<typeof outputComponentSchema>;
export type SkillTemplate = z.infer<typeof skillTemplateSchema>;
