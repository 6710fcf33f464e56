/** A fresh, valid-looking example of each component type for the "add output" menu. */
import type {
  BasicCard,
  Carousel,
  CommerceCard,
  ComponentKey,
  ItemCard,
  ListCard,
  OutputComponent,
  TextCard,
} from "../../../../src/core/skill/components.js";

const IMAGE = "https://example.com/image.png";

export const emptyTextCard = (): TextCard => ({ title: "", description: "" });
export const emptyBasicCard = (): BasicCard => ({ title: "", description: "", thumbnail: { imageUrl: IMAGE } });
export const emptyCommerceCard = (): CommerceCard => ({
  description: "",
  price: 10000,
  currency: "won",
  thumbnails: [{ imageUrl: IMAGE }],
});
export const emptyListCard = (): ListCard => ({ header: { title: "" }, items: [{ title: "" }] });
export const emptyItemCard = (): ItemCard => ({ itemList: [{ title: "", description: "" }] });

export function emptyCarousel(type: Carousel["type"]): Carousel {
  switch (type) {
    case "textCard":
      return { type, items: [emptyTextCard()] };
    case "basicCard":
      return { type, items: [emptyBasicCard()] };
    case "commerceCard":
      return { type, items: [emptyCommerceCard()] };
    case "listCard":
      return { type, items: [emptyListCard()] };
    case "itemCard":
      return { type, items: [emptyItemCard()] };
  }
}

export function emptyOutput(key: ComponentKey): OutputComponent {
  switch (key) {
    case "simpleText":
      return { simpleText: { text: "" } };
    case "simpleImage":
      return { simpleImage: { imageUrl: IMAGE, altText: "" } };
    case "textCard":
      return { textCard: emptyTextCard() };
    case "basicCard":
      return { basicCard: emptyBasicCard() };
    case "commerceCard":
      return { commerceCard: emptyCommerceCard() };
    case "listCard":
      return { listCard: emptyListCard() };
    case "itemCard":
      return { itemCard: emptyItemCard() };
    case "carousel":
      return { carousel: emptyCarousel("basicCard") };
  }
}

export function componentKeyOf(output: OutputComponent): ComponentKey {
  if ("simpleText" in output) return "simpleText";
  if ("simpleImage" in output) return "simpleImage";
  if ("textCard" in output) return "textCard";
  if ("basicCard" in output) return "basicCard";
  if ("commerceCard" in output) return "commerceCard";
  if ("listCard" in output) return "listCard";
  if ("itemCard" in output) return "itemCard";
  return "carousel";
}
