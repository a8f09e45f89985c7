import { z } from "zod";

/**
 * Rules are data: the text syntax (Radar's) is parsed into this JSON AST, stored as is, and printed
 * back from it. Positions are not part of the AST (two parses of differently spaced text are equal);
 * the parser keeps them on the side for error messages.
 */
export const RuleAction = z.enum(["allow", "review", "block", "request_3ds"]);
export type RuleAction = z.infer<typeof RuleAction>;

export const AttributeRef = z.object({
  type: z.literal("attribute"),
  name: z.string().regex(/^[a-z0-9_]+$/),
});
export type AttributeRef = z.infer<typeof AttributeRef>;

/** `::key::` reads the charge's metadata, `::customer:key::` the customer's (keys may hold spaces). */
export const MetadataRef = z.object({
  type: z.literal("metadata"),
  scope: z.enum(["charge", "customer"]),
  key: z.string().regex(/^[^:\n]+$/),
});
export type MetadataRef = z.infer<typeof MetadataRef>;

export const StringLiteral = z.object({ type: z.literal("string"), value: z.string() });
export const NumberLiteral = z.object({ type: z.literal("number"), value: z.number().finite() });
export const BooleanLiteral = z.object({ type: z.literal("boolean"), value: z.boolean() });

export const Literal = z.discriminatedUnion("type", [StringLiteral, NumberLiteral, BooleanLiteral]);
export type Literal = z.infer<typeof Literal>;

export const Reference = z.discriminatedUnion("type", [AttributeRef, MetadataRef]);
export type Reference = z.infer<typeof Reference>;

export const Operand = z.discriminatedUnion("type", [
  AttributeRef,
  MetadataRef,
  StringLiteral,
  NumberLiteral,
  BooleanLiteral,
]);
export type Operand = z.infer<typeof Operand>;

/** Binary operators whose right side is one operand; `in` has its own node (a set on the right). */
export const ComparisonOperator = z.enum(["=", "!=", "<", ">", "<=", ">=", "includes", "like"]);
export type ComparisonOperator = z.infer<typeof ComparisonOperator>;

export const ValueSet = z.object({ type: z.literal("values"), values: z.array(Literal).min(1) });
export const ListRef = z.object({ type: z.literal("list"), name: z.string().regex(/^[A-Za-z0-9_-]+$/) });
export type ListRef = z.infer<typeof ListRef>;

export type Condition =
  | { type: "and"; conditions: Condition[] }
  | { type: "or"; conditions: Condition[] }
  | { type: "not"; condition: Condition }
  | { type: "compare"; operator: ComparisonOperator; left: Operand; right: Operand }
  | { type: "in"; left: Operand; right: z.infer<typeof ValueSet> | ListRef }
  | { type: "is_missing"; operand: Reference }
  /** A bare boolean attribute: `Block if :is_3d_secure_authenticated:`. */
  | { type: "truthy"; operand: Reference };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("and"), conditions: z.array(Condition).min(2) }),
    z.object({ type: z.literal("or"), conditions: z.array(Condition).min(2) }),
    z.object({ type: z.literal("not"), condition: Condition }),
    z.object({ type: z.literal("compare"), operator: ComparisonOperator, left: Operand, right: Operand }),
    z.object({
      type: z.literal("in"),
      left: Operand,
      right: z.discriminatedUnion("type", [ValueSet, ListRef]),
    }),
    z.object({ type: z.literal("is_missing"), operand: Reference }),
    z.object({ type: z.literal("truthy"), operand: Reference }),
  ]),
);

/** What one line of rule text means: `{action} if {condition}`. */
export const RuleAst = z.object({ action: RuleAction, condition: Condition });
export type RuleAst = z.infer<typeof RuleAst>;
