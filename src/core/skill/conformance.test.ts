// Conformance suite for SkillResponse validation: realistic valid and invalid fixtures, and every
// limit at its edge (exactly at the limit passes, one over fails with the right path and rule).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { outputComponentSchema, skillTemplateSchema } from "./components.js";
import type { Finding } from "./findings.js";
import { bubbleBytes, LIMITS, skillTemplateWithLimitsSchema } from "./limits.js";
import { skillResponseSchema } from "./response.js";
import { type ValidateOptions, validateOutput, validateQuickReply, validateSkillResponse } from "./validate-response.js";

const FIXTURES = new URL("./fixtures/", import.meta.url);
const DEFAULT_OPTS: ValidateOptions = { usesSkillData: true, allowCallback: false };

function load(dir: string): Array<[string, unknown]> {
  const url = new URL(`${dir}/`, FIXTURES);
  return readdirSync(url)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(new URL(f, url), "utf8"))]);
}

function errors(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === "error");
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

type Json = Record<string, unknown>;

/** Sets a value at a path like `template.outputs[0].basicCard.title` (test-only helper). */
function setPath(root: unknown, path: string, value: unknown): void {
  const keys = path
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  let node = root as Json;
  for (const key of keys.slice(0, -1)) node = (node as Record<string | number, unknown>)[key] as Json;
  (node as Record<string | number, unknown>)[keys[keys.length - 1] as string | number] = value;
}

const str = (n: number, ch = "가") => ch.repeat(n);
const fixture = (name: string): Json => {
  const found = load("valid").find(([f]) => f === `${name}.json`);
  assert.ok(found, `fixture ${name}`);
  return found[1] as Json;
};
const msgButton = (label = "보기") => ({ label, action: "message", messageText: label });
const buttons = (n: number, label = "보기") => Array.from({ length: n }, () => msgButton(label));
const listItems = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `항목 ${i}` }));
const itemList = (n: number) => Array.from({ length: n }, () => ({ title: "항목", description: "값" }));

describe("valid fixtures", () => {
  for (const [name, json] of load("valid")) {
    test(`${name} has no error findings and matches the zod schemas`, () => {
      const opts = { ...DEFAULT_OPTS, allowCallback: name.startsWith("callback"), usesSkillData: true };
      const result = validateSkillResponse(json, opts);
      assert.deepEqual(errors(result.findings), []);
      assert.equal(result.ok, true);
      assert.equal(skillResponseSchema.safeParse(json).success, true);
      const template = (json as Json).template;
      if (template !== undefined) {
        assert.equal(skillTemplateWithLimitsSchema.safeParse(template).success, true);
        for (const output of (template as { outputs: unknown[] }).outputs) {
          assert.equal(outputComponentSchema.safeParse(output).success, true);
        }
      }
    });
  }
});

describe("invalid fixtures", () => {
  for (const [name, raw] of load("invalid")) {
    const { expect, response, options } = raw as {
      expect: Array<{ path: string; rule: string; message?: string }>;
      response: unknown;
      options?: Partial<ValidateOptions>;
    };
    test(`${name} reports ${expect.map((e) => `${e.path} ${e.rule}`).join(", ")}`, () => {
      const result = validateSkillResponse(response, { ...DEFAULT_OPTS, ...options });
      assert.equal(result.ok, false);
      assert.equal(result.response, undefined);
      for (const e of expect) {
        const hit = result.findings.find((f) => f.path === e.path && f.rule === e.rule && f.severity === "error");
        assert.ok(hit, `missing ${e.path} ${e.rule}; got ${JSON.stringify(result.findings)}`);
        if (e.message !== undefined) assert.equal(hit.message, e.message);
      }
    });
  }
});

type Edge = {
  name: string;
  base: string;
  /** Where the value is written. */
  at: string;
  limit: number;
  make: (n: number) => unknown;
  /** Where the finding is expected (defaults to `at`). */
  failPath?: string;
  rule: string;
  /** Extra mutations applied before the edge value. */
  prepare?: (json: Json) => void;
};

const O = "template.outputs[0]";
const EDGES: Edge[] = [
  { name: "simpleText text", base: "simpleText", at: `${O}.simpleText.text`, limit: 1000, make: str, rule: "max_length" },
  { name: "simpleImage altText", base: "simpleImage", at: `${O}.simpleImage.altText`, limit: 50, make: str, rule: "max_length" },
  {
    name: "textCard title",
    base: "textCard",
    at: `${O}.textCard.title`,
    limit: 50,
    make: str,
    rule: "max_length",
    prepare: (j) => setPath(j, `${O}.textCard.description`, "짧음"),
  },
  {
    name: "textCard title+description combined",
    base: "textCard",
    at: `${O}.textCard.description`,
    limit: 350,
    make: str,
    rule: "combined_length",
    prepare: (j) => setPath(j, `${O}.textCard.title`, str(50)),
  },
  {
    name: "textCard description in a carousel",
    base: "carousel-textCard",
    at: `${O}.carousel.items[0].description`,
    limit: 128,
    make: str,
    rule: "max_length",
  },
  { name: "textCard vertical buttons", base: "textCard", at: `${O}.textCard.buttons`, limit: 3, make: buttons, rule: "max_items" },
  {
    name: "textCard horizontal buttons",
    base: "textCard",
    at: `${O}.textCard.buttons`,
    limit: 2,
    make: buttons,
    rule: "max_items",
    prepare: (j) => setPath(j, `${O}.textCard.buttonLayout`, "horizontal"),
  },
  { name: "basicCard title", base: "basicCard", at: `${O}.basicCard.title`, limit: 50, make: str, rule: "max_length" },
  { name: "basicCard description", base: "basicCard", at: `${O}.basicCard.description`, limit: 230, make: str, rule: "max_length" },
  { name: "thumbnail altText", base: "basicCard", at: `${O}.basicCard.thumbnail.altText`, limit: 50, make: str, rule: "max_length" },
  { name: "basicCard buttons", base: "basicCard", at: `${O}.basicCard.buttons`, limit: 3, make: buttons, rule: "max_items" },
  {
    name: "basicCard buttons under a 1:1 thumbnail",
    base: "basicCard",
    at: `${O}.basicCard.buttons`,
    limit: 2,
    make: buttons,
    rule: "max_items",
    prepare: (j) => setPath(j, `${O}.basicCard.thumbnail.fixedRatio`, true),
  },
  {
    name: "button label (vertical)",
    base: "basicCard",
    at: `${O}.basicCard.buttons[0].label`,
    limit: 14,
    make: str,
    rule: "max_length",
  },
  {
    name: "button label with two horizontal buttons",
    base: "basicCard",
    at: `${O}.basicCard.buttons[0].label`,
    limit: 8,
    make: str,
    rule: "max_length",
    prepare: (j) => {
      setPath(j, `${O}.basicCard.buttons`, buttons(2));
      setPath(j, `${O}.basicCard.buttonLayout`, "horizontal");
    },
  },
  { name: "commerceCard title", base: "commerceCard", at: `${O}.commerceCard.title`, limit: 30, make: str, rule: "max_length" },
  {
    name: "commerceCard description",
    base: "commerceCard",
    at: `${O}.commerceCard.description`,
    limit: 40,
    make: str,
    rule: "max_length",
  },
  { name: "listCard items", base: "listCard", at: `${O}.listCard.items`, limit: 5, make: listItems, rule: "max_items" },
  {
    name: "listCard items inside a carousel",
    base: "carousel-listCard",
    at: `${O}.carousel.items[0].items`,
    limit: 4,
    make: listItems,
    rule: "max_items",
  },
  {
    name: "listCard carousel size",
    base: "carousel-listCard",
    at: `${O}.carousel.items`,
    limit: 5,
    make: (n) => Array.from({ length: n }, () => ({ header: { title: "목록" }, items: listItems(2) })),
    rule: "max_items",
  },
  {
    name: "carousel size",
    base: "carousel-basicCard",
    at: `${O}.carousel.items`,
    limit: 10,
    make: (n) => Array.from({ length: n }, () => ({ title: "카드", thumbnail: { imageUrl: "https://example.com/c.jpg" } })),
    rule: "max_items",
  },
  { name: "itemCard itemList", base: "itemCard", at: `${O}.itemCard.itemList`, limit: 10, make: itemList, rule: "max_items" },
  {
    name: "itemCard itemList inside a carousel",
    base: "carousel-itemCard",
    at: `${O}.carousel.items[0].itemList`,
    limit: 5,
    make: itemList,
    rule: "max_items",
  },
  {
    name: "itemCard item title",
    base: "itemCard",
    at: `${O}.itemCard.itemList[0].title`,
    limit: 6,
    make: str,
    rule: "max_length",
  },
  {
    name: "itemCard summary description",
    base: "itemCard",
    at: `${O}.itemCard.itemListSummary.description`,
    limit: 14,
    make: (n) => `${"1".repeat(n - 1)}원`,
    rule: "max_length",
  },
  {
    name: "itemCard profile title",
    base: "carousel-itemCard",
    at: `${O}.carousel.items[0].profile.title`,
    limit: 15,
    make: str,
    rule: "max_length",
  },
  {
    name: "itemCard title+description",
    base: "itemCard",
    at: `${O}.itemCard.description`,
    limit: 150,
    make: str,
    rule: "combined_length",
    prepare: (j) => setPath(j, `${O}.itemCard.title`, str(50)),
  },
  {
    name: "itemCard title+description inside a carousel",
    base: "carousel-itemCard",
    at: `${O}.carousel.items[0].description`,
    limit: 50,
    make: str,
    rule: "combined_length",
    prepare: (j) => setPath(j, `${O}.carousel.items[0].title`, str(50)),
  },
  {
    name: "itemCard title+description lines",
    base: "itemCard",
    at: `${O}.itemCard.description`,
    limit: 11,
    make: (n) => Array.from({ length: n }, () => "줄").join("\n"),
    rule: "max_lines",
  },
  {
    name: "outputs per response",
    base: "simpleText",
    at: "template.outputs",
    limit: 3,
    make: (n) => Array.from({ length: n }, () => ({ simpleText: { text: "말풍선" } })),
    rule: "max_items",
  },
  {
    name: "quick replies",
    base: "simpleText",
    at: "template.quickReplies",
    limit: 10,
    make: (n) => Array.from({ length: n }, (_, i) => ({ label: `답${i}`, action: "message" })),
    rule: "max_items",
  },
  {
    name: "30 KB bubble budget",
    base: "basicCard",
    at: `${O}.basicCard.thumbnail.imageUrl`,
    limit: LIMITS.bubbleBytesMax,
    make: (n) => n,
    failPath: O,
    rule: "bubble_size",
  },
];

/** Pads the basicCard thumbnail URL so that the whole output is exactly `bytes` long. */
function padBubble(json: Json, bytes: number): void {
  setPath(json, `${O}.basicCard.thumbnail.imageUrl`, "");
  const output = (json.template as { outputs: unknown[] }).outputs[0];
  const baseBytes = bubbleBytes(output);
  setPath(json, `${O}.basicCard.thumbnail.imageUrl`, `https://example.com/${"a".repeat(bytes - baseBytes - 20)}`);
  assert.equal(bubbleBytes(output), bytes);
}

describe("limits at the edge", () => {
  for (const edge of EDGES) {
    const build = (n: number): Json => {
      const json = clone(fixture(edge.base));
      edge.prepare?.(json);
      if (edge.rule === "bubble_size") padBubble(json, n);
      else setPath(json, edge.at, edge.make(n));
      return json;
    };
    test(`${edge.name}: ${edge.limit} passes, ${edge.limit + 1} fails`, () => {
      const atLimit = validateSkillResponse(build(edge.limit), DEFAULT_OPTS);
      assert.deepEqual(errors(atLimit.findings), [], "exactly at the limit");
      const over = validateSkillResponse(build(edge.limit + 1), DEFAULT_OPTS);
      const path = edge.failPath ?? edge.at;
      const hit = errors(over.findings).find((f) => f.path === path && f.rule === edge.rule);
      assert.ok(hit, `expected ${path} ${edge.rule}; got ${JSON.stringify(over.findings)}`);
      assert.ok(hit.message.startsWith(`${path}: `));
      assert.equal(over.ok, false);
    });
  }
});

describe("rules", () => {
  const run = (json: unknown, opts: Partial<ValidateOptions> = {}) => validateSkillResponse(json, { ...DEFAULT_OPTS, ...opts });
  const rulesOf = (findings: readonly Finding[]) => errors(findings).map((f) => `${f.path} ${f.rule}`);

  test("version: missing, wrong type and wrong value", () => {
    assert.deepEqual(rulesOf(run({ template: fixture("simpleText").template }).findings), ["version version_required"]);
    assert.deepEqual(rulesOf(run({ ...fixture("simpleText"), version: 2 }).findings), ["version unsupported_version"]);
    assert.deepEqual(rulesOf(run({ ...fixture("simpleText"), version: "1.0" }).findings), ["version unsupported_version"]);
  });

  test("zero outputs fails", () => {
    assert.deepEqual(rulesOf(run({ version: "2.0", template: { outputs: [] } }).findings), ["template.outputs min_items"]);
  });

  test("data without template: fine for a data-provider block, a finding for a skill-data block", () => {
    const json = { version: "2.0", data: { name: "홍길동" } };
    assert.equal(run(json, { usesSkillData: false }).ok, true);
    assert.deepEqual(rulesOf(run(json).findings), ["template template_required"]);
  });

  test("useCallback only when the block allows it; template is then ignored", () => {
    const json = { version: "2.0", useCallback: true, data: { text: "잠시만요" } };
    assert.deepEqual(rulesOf(run(json).findings), ["useCallback callback_not_allowed"]);
    const ok = run(json, { allowCallback: true });
    assert.equal(ok.ok, true);
    assert.equal(ok.response?.useCallback, true);
    const withTemplate = run({ ...json, template: fixture("simpleText").template }, { allowCallback: true });
    assert.equal(withTemplate.ok, true);
    assert.ok(withTemplate.findings.some((f) => f.rule === "template_ignored" && f.severity === "warning"));
  });

  test("carousel header allowed for basicCard, refused for textCard", () => {
    assert.equal(run(fixture("carousel-basicCard")).ok, true);
    const json = clone(fixture("carousel-textCard"));
    setPath(json, `${O}.carousel.header`, { title: "머리", thumbnail: { imageUrl: "https://example.com/h.jpg" } });
    assert.deepEqual(rulesOf(run(json).findings), [`${O}.carousel.header header_not_supported`]);
  });

  test("itemCard carousel: thumbnail/head/profile/imageTitle on all cards or none", () => {
    const json = clone(fixture("carousel-itemCard"));
    setPath(json, `${O}.carousel.items[1].profile`, undefined);
    const result = run(JSON.parse(JSON.stringify(json)));
    assert.deepEqual(rulesOf(result.findings), [`${O}.carousel.items carousel_consistency`]);
  });

  test("itemCard in a carousel needs 2:1 thumbnails; description needs a title", () => {
    const json = clone(fixture("carousel-itemCard"));
    setPath(json, `${O}.carousel.items[0].thumbnail.height`, 800);
    setPath(json, `${O}.carousel.items[1].description`, "설명");
    assert.deepEqual(rulesOf(run(json).findings), [
      `${O}.carousel.items[0].thumbnail thumbnail_ratio`,
      `${O}.carousel.items[1].description description_requires_title`,
    ]);
  });

  test("textCard needs a title or a description", () => {
    const json = clone(fixture("textCard"));
    setPath(json, `${O}.textCard`, { buttons: [msgButton()] });
    assert.deepEqual(rulesOf(run(json).findings), [`${O}.textCard title_or_description`]);
  });

  test("every button action's required field", () => {
    const json = clone(fixture("textCard"));
    setPath(json, `${O}.textCard.buttons`, [
      { label: "a", action: "message" },
      { label: "b", action: "block" },
      { label: "c", action: "share" },
    ]);
    assert.deepEqual(rulesOf(run(json).findings), [
      `${O}.textCard.buttons[0].messageText action_field_required`,
      `${O}.textCard.buttons[1].blockId action_field_required`,
    ]);
    setPath(json, `${O}.textCard.buttons`, [{ label: "a", action: "osLink" }]);
    assert.deepEqual(rulesOf(run(json).findings), [`${O}.textCard.buttons[0].action enum`]);
  });

  test("quick reply: action message|block, block needs blockId, long label is only a warning", () => {
    const json = clone(fixture("simpleText"));
    setPath(json, "template.quickReplies", [{ label: str(15), action: "message" }]);
    const long = run(json);
    assert.equal(long.ok, true);
    assert.deepEqual(
      long.findings.map((f) => `${f.path} ${f.rule} ${f.severity}`),
      ["template.quickReplies[0].label max_length warning"],
    );
    setPath(json, "template.quickReplies", [{ label: "웹", action: "webLink", webLinkUrl: "https://example.com" }]);
    assert.deepEqual(rulesOf(run(json).findings), ["template.quickReplies[0].action enum"]);
  });

  test("simpleText over 500 characters is folded (warning), not an error", () => {
    const json = clone(fixture("simpleText"));
    setPath(json, `${O}.simpleText.text`, str(501));
    const result = run(json);
    assert.equal(result.ok, true);
    assert.ok(result.findings.some((f) => f.rule === "fold" && f.severity === "warning"));
  });

  test("characters are counted as code points (emoji count once)", () => {
    const json = clone(fixture("simpleImage"));
    setPath(json, `${O}.simpleImage.altText`, "😀".repeat(50));
    assert.equal(run(json).ok, true);
  });

  test("nulls inside the template are treated as absent with a warning", () => {
    const json = clone(fixture("basicCard"));
    setPath(json, `${O}.basicCard.description`, null);
    const result = run(json);
    assert.equal(result.ok, true);
    assert.deepEqual(
      result.findings.map((f) => `${f.path} ${f.rule}`),
      [`${O}.basicCard.description null_ignored`],
    );
  });

  test("one bad output does not hide findings in the others", () => {
    const json = {
      version: "2.0",
      template: {
        outputs: [{ simpleText: { text: 3 } }, { simpleImage: { imageUrl: "https://example.com/a.png", altText: str(51) } }],
      },
    };
    assert.deepEqual(rulesOf(run(json).findings), [`${O}.simpleText.text type`, "template.outputs[1].simpleImage.altText max_length"]);
  });

  test("non-object response", () => {
    assert.deepEqual(rulesOf(run("hello").findings), [" type"]);
    assert.equal(run([]).ok, false);
  });

  test("parsed response drops unknown keys but keeps data and context", () => {
    const json = clone(fixture("context-and-data"));
    (json as Json).unknownTopLevel = 1;
    const result = run(json);
    assert.equal(result.ok, true);
    assert.deepEqual(result.response?.data, { orderId: "A-1", count: 2 });
    assert.equal(result.response?.context?.values[1]?.lifeSpan, 0);
    assert.equal(Object.hasOwn(result.response ?? {}, "unknownTopLevel"), false);
  });

  test("skillTemplateSchema enforces 1..3 outputs and ≤10 quick replies on its own", () => {
    const output = { simpleText: { text: "a" } };
    assert.equal(skillTemplateSchema.safeParse({ outputs: [] }).success, false);
    assert.equal(skillTemplateSchema.safeParse({ outputs: [output, output, output, output] }).success, false);
    assert.equal(skillTemplateSchema.safeParse({ outputs: [output] }).success, true);
    assert.equal(outputComponentSchema.safeParse({ ...output, simpleImage: { imageUrl: "x", altText: "y" } }).success, false);
  });

  test("validateOutput / validateQuickReply check single components for bot files", () => {
    const ok = validateOutput({ simpleText: { text: "안녕하세요" } }, "blocks[0].outputs[0]");
    assert.deepEqual(ok, { output: { simpleText: { text: "안녕하세요" } }, findings: [] });
    const bad = validateOutput({ basicCard: { thumbnail: { imageUrl: "https://example.com/a.png" }, buttons: buttons(4) } }, "o");
    assert.ok(bad.output !== undefined && "basicCard" in bad.output, "structurally valid output is returned with its findings");
    assert.deepEqual(rulesOf(bad.findings), ["o.basicCard.buttons max_items"]);
    assert.deepEqual(rulesOf(validateOutput({ card: {} }, "o").findings), ["o unknown_component"]);
    assert.deepEqual(rulesOf(validateQuickReply({ label: "처음", action: "block" }, "qr").findings), ["qr.blockId action_field_required"]);
  });

  test("skillTemplateWithLimitsSchema rejects limit violations in one parse", () => {
    const template = { outputs: [{ basicCard: { thumbnail: { imageUrl: "https://example.com/a.png" }, buttons: buttons(4) } }] };
    const result = skillTemplateWithLimitsSchema.safeParse(template);
    assert.equal(result.success, false);
    assert.equal(result.error?.issues[0]?.message, "outputs[0].basicCard.buttons: at most 3, got 4");
  });
});
