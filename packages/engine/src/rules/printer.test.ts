import { describe, expect, it } from "vitest";
import { createRandom, pick } from "../test-helpers/random";
import { type Condition, type Literal, type Operand, type Reference, RuleAst } from "./ast";
import { parseRule } from "./parser";
import { printRule } from "./printer";

type Random = () => number;
const NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_";
const KEY_CHARS = "abcXYZ019_-.)(@'\"! ";
const STRING_CHARS = "aZ9 '\"\\%_:@()\n,é!=";

function text(random: Random, chars: string, min: number, max: number): string {
  const length = min + Math.floor(random() * (max - min + 1));
  return Array.from({ length }, () => pick(random, [...chars])).join("");
}

function literal(random: Random): Literal {
  const kind = pick(random, ["string", "number", "boolean"] as const);
  if (kind === "string") return { type: "string", value: text(random, STRING_CHARS, 0, 8) };
  if (kind === "boolean") return { type: "boolean", value: random() < 0.5 };
  const magnitude = pick(random, [1, 100, 1e6, 1e-3]);
  const value = Math.round((random() - 0.3) * magnitude * 100) / 100;
  return { type: "number", value: value === 0 ? 0 : value };
}

function reference(random: Random): Reference {
  if (random() < 0.7) return { type: "attribute", name: text(random, NAME_CHARS, 1, 12) };
  const scope = random() < 0.5 ? "charge" : "customer";
  return { type: "metadata", scope, key: text(random, KEY_CHARS, 1, 6) };
}

function operand(random: Random): Operand {
  return random() < 0.6 ? reference(random) : literal(random);
}

function condition(random: Random, depth: number): Condition {
  const kinds =
    depth > 0
      ? ["and", "or", "not", "compare", "in", "is_missing", "truthy"]
      : ["compare", "in", "is_missing", "truthy"];
  switch (pick(random, kinds)) {
    case "and":
    case "or": {
      const count = 2 + Math.floor(random() * 3);
      const conditions = Array.from({ length: count }, () => condition(random, depth - 1));
      return { type: random() < 0.5 ? "and" : "or", conditions };
    }
    case "not":
      return { type: "not", condition: condition(random, depth - 1) };
    case "in":
      return random() < 0.5
        ? { type: "in", left: operand(random), right: { type: "list", name: text(random, "abAB_-9", 1, 10) } }
        : {
            type: "in",
            left: operand(random),
            right: { type: "values", values: [literal(random), literal(random)] },
          };
    case "is_missing":
      return { type: "is_missing", operand: reference(random) };
    case "truthy":
      return { type: "truthy", operand: reference(random) };
    default:
      return {
        type: "compare",
        operator: pick(random, ["=", "!=", "<", ">", "<=", ">=", "includes", "like"] as const),
        left: operand(random),
        right: operand(random),
      };
  }
}

describe("printRule", () => {
  it("round-trips 2,000 seeded random ASTs: print → parse gives the same AST", () => {
    const random = createRandom(20_261_101);
    for (let index = 0; index < 2_000; index += 1) {
      const ast: RuleAst = {
        action: pick(random, ["allow", "review", "block", "request_3ds"] as const),
        condition: condition(random, 4),
      };
      expect(RuleAst.parse(ast)).toEqual(ast);
      const printed = printRule(ast);
      expect(parseRule(printed), printed).toEqual(ast);
    }
  });

  it.each([
    "block IF ((:a: = 1)) && (:b: != 'x' || :c: < 2)",
    "Review if not not :is_3d_secure: and ! is_missing( :email: )",
    "allow if :email: in @vip_customers or (:a: > 1 and (:b: > 2 and :c: > 3))",
    "request 3d secure if ::customer:tier:: = \"gold\" or :card_country: IN ('FR','de' , 'Es')",
    "Block if (:a: = 1 or :b: = 2) or :c: = 3",
    "Block if :email: like '%@mailinator.com' and not (::sku:: includes 'gift' or :amount_in_eur: >= 1e3)",
  ])("is a fixed point: %s", (source) => {
    const first = parseRule(source);
    const printed = printRule(first);
    expect(parseRule(printed)).toEqual(first);
    expect(printRule(parseRule(printed))).toBe(printed);
  });

  it("prints canonical text", () => {
    expect(printRule(parseRule('block IF ((:a: = 1)) && (:b: != "it\'s" || :c: < 2.50)'))).toBe(
      "Block if :a: = 1 and (:b: != 'it\\'s' or :c: < 2.5)",
    );
    expect(printRule(parseRule("request 3D secure if :x: IN @l"))).toBe("Request 3D Secure if :x: in @l");
  });
});
