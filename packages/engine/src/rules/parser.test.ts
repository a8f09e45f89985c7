import { describe, expect, it } from "vitest";
import { RuleAst } from "./ast";
import { tokenize } from "./lexer";
import { parseRule } from "./parser";
import { RuleError } from "./rule-error";

const attr = (name: string) => ({ type: "attribute", name }) as const;
const str = (value: string) => ({ type: "string", value }) as const;
const num = (value: number) => ({ type: "number", value }) as const;

describe("tokenize", () => {
  it("gives each token its line and column", () => {
    const tokens = tokenize("Block if\n  :card_country: != 'FR'");
    expect(tokens.map((t) => [t.kind, t.value, t.position.line, t.position.column])).toEqual([
      ["word", "block", 1, 1],
      ["word", "if", 1, 7],
      ["attribute", "card_country", 2, 3],
      ["operator", "!=", 2, 18],
      ["string", "FR", 2, 21],
      ["eof", "", 2, 25],
    ]);
  });

  it("reads both quote styles with escapes, numbers, lists and metadata", () => {
    const tokens = tokenize(`"a\\"b" 'it\\'s' -1.5 @vip_list ::order_id:: ::customer:tier::`);
    expect(tokens.map((t) => [t.kind, t.value])).toEqual([
      ["string", 'a"b'],
      ["string", "it's"],
      ["number", "-1.5"],
      ["list", "vip_list"],
      ["metadata", "order_id"],
      ["metadata", "customer:tier"],
      ["eof", ""],
    ]);
  });
});

describe("parseRule", () => {
  it.each<{ text: string; expected: RuleAst }>([
    {
      text: "Block if :card_funding: = 'prepaid' and :amount_in_eur: > 300",
      expected: {
        action: "block",
        condition: {
          type: "and",
          conditions: [
            { type: "compare", operator: "=", left: attr("card_funding"), right: str("prepaid") },
            { type: "compare", operator: ">", left: attr("amount_in_eur"), right: num(300) },
          ],
        },
      },
    },
    {
      text: "REVIEW IF :card_count_for_ip_address_hourly: >= 3",
      expected: {
        action: "review",
        condition: {
          type: "compare",
          operator: ">=",
          left: attr("card_count_for_ip_address_hourly"),
          right: num(3),
        },
      },
    },
    {
      text: "allow if :email: in @vip_customers",
      expected: {
        action: "allow",
        condition: { type: "in", left: attr("email"), right: { type: "list", name: "vip_customers" } },
      },
    },
    {
      text: "Request 3D Secure if :card_country: != :billing_address_country:",
      expected: {
        action: "request_3ds",
        condition: {
          type: "compare",
          operator: "!=",
          left: attr("card_country"),
          right: attr("billing_address_country"),
        },
      },
    },
    {
      text: "Block if :card_country: IN ('NG', \"GH\") && !is_missing(::customer:tier::)",
      expected: {
        action: "block",
        condition: {
          type: "and",
          conditions: [
            {
              type: "in",
              left: attr("card_country"),
              right: { type: "values", values: [str("NG"), str("GH")] },
            },
            {
              type: "not",
              condition: {
                type: "is_missing",
                operand: { type: "metadata", scope: "customer", key: "tier" },
              },
            },
          ],
        },
      },
    },
    {
      text: "Block if :a: = 1 or :b: = 2 and not :c: = 3",
      expected: {
        action: "block",
        condition: {
          type: "or",
          conditions: [
            { type: "compare", operator: "=", left: attr("a"), right: num(1) },
            {
              type: "and",
              conditions: [
                { type: "compare", operator: "=", left: attr("b"), right: num(2) },
                {
                  type: "not",
                  condition: { type: "compare", operator: "=", left: attr("c"), right: num(3) },
                },
              ],
            },
          ],
        },
      },
    },
    {
      text: "block if (:a: = 1 || :b: = 2) AND :email: LIKE '%@example.com' and ::sku:: includes 'gift'",
      expected: {
        action: "block",
        condition: {
          type: "and",
          conditions: [
            {
              type: "or",
              conditions: [
                { type: "compare", operator: "=", left: attr("a"), right: num(1) },
                { type: "compare", operator: "=", left: attr("b"), right: num(2) },
              ],
            },
            { type: "compare", operator: "like", left: attr("email"), right: str("%@example.com") },
            {
              type: "compare",
              operator: "includes",
              left: { type: "metadata", scope: "charge", key: "sku" },
              right: str("gift"),
            },
          ],
        },
      },
    },
    {
      text: "Block if :is_3d_secure_authenticated: = false and not :is_3d_secure:",
      expected: {
        action: "block",
        condition: {
          type: "and",
          conditions: [
            {
              type: "compare",
              operator: "=",
              left: attr("is_3d_secure_authenticated"),
              right: { type: "boolean", value: false },
            },
            { type: "not", condition: { type: "truthy", operand: attr("is_3d_secure") } },
          ],
        },
      },
    },
  ])("$text", ({ text, expected }) => {
    const ast = parseRule(text);
    expect(ast).toEqual(expected);
    expect(RuleAst.parse(ast)).toEqual(ast);
  });

  it.each([
    {
      text: "Deny if :a: = 1",
      message: "Expected an action (allow, review, block or request 3d secure), found 'Deny' at 1:1",
    },
    { text: "Block :a: = 1", message: "Expected 'if', found ':a:' at 1:7" },
    {
      text: "Block if :a: = ",
      message: "Expected an attribute or a value, found the end of the rule at 1:16",
    },
    { text: "Block if (:a: = 1", message: "Expected ')', found the end of the rule at 1:18" },
    { text: "Block if :a: = 'x", message: "Unterminated string at 1:16" },
    { text: "Block if :a: = 1\n  and :b: ~ 2", message: "Unexpected character '~' at 2:11" },
    {
      text: "Block if :a: in (:b:)",
      message: "Expected a value (string, number, true or false), found ':b:' at 1:18",
    },
    {
      text: "Block if 'x'",
      message: "Expected an operator (= != < > <= >= in includes like), found the end of the rule at 1:13",
    },
    {
      text: "Block if :a: = 1 :b:",
      message: "Expected 'and', 'or' or the end of the rule, found ':b:' at 1:18",
    },
    { text: "Request 3D if :a: = 1", message: "Expected 'secure' after 'request 3d', found 'if' at 1:12" },
  ])("rejects $text", ({ text, message }) => {
    expect(() => parseRule(text)).toThrow(RuleError);
    expect(() => parseRule(text)).toThrow(message);
  });
});
