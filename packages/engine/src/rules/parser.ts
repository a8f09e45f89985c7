import type { ComparisonOperator, Condition, Literal, Operand, Reference, RuleAction, RuleAst } from "./ast";
import { type Token, tokenize } from "./lexer";
import { atPosition, type Position, RuleError } from "./rule-error";

/** Where each AST node (and operand) started in the text, for the type checker's messages. */
export type Spans = WeakMap<object, Position>;

const ACTIONS: Readonly<Record<string, RuleAction>> = { allow: "allow", review: "review", block: "block" };
const COMPARISONS = new Set(["=", "!=", "<", ">", "<=", ">="]);
const WORD_OPERATORS = new Set(["includes", "like"]);

function describe(token: Token): string {
  return token.kind === "eof" ? "the end of the rule" : `'${token.text}'`;
}

class Parser {
  private index = 0;
  readonly spans: Spans = new WeakMap();
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index]!;
  }
  private next(): Token {
    const token = this.peek();
    if (token.kind !== "eof") this.index += 1;
    return token;
  }
  private isWord(word: string): boolean {
    return this.peek().kind === "word" && this.peek().value === word;
  }
  private fail(expected: string, token = this.peek()): never {
    throw new RuleError(
      "syntax_error",
      `Expected ${expected}, found ${describe(token)}${atPosition(token.position)}`,
      token.position,
    );
  }
  private expectWord(word: string, expected = `'${word}'`): void {
    if (!this.isWord(word)) this.fail(expected);
    this.next();
  }
  private mark<T extends object>(node: T, position: Position): T {
    this.spans.set(node, position);
    return node;
  }

  rule(): RuleAst {
    const action = this.action();
    this.expectWord("if");
    const condition = this.or();
    if (this.peek().kind !== "eof") this.fail("'and', 'or' or the end of the rule");
    return { action, condition };
  }

  private action(): RuleAction {
    const token = this.next();
    if (token.kind === "word" && ACTIONS[token.value]) return ACTIONS[token.value]!;
    if (token.kind === "word" && token.value === "request") {
      this.expectWord("3d", "'3d secure' after 'request'");
      this.expectWord("secure", "'secure' after 'request 3d'");
      return "request_3ds";
    }
    return this.fail("an action (allow, review, block or request 3d secure)", token);
  }

  private or(): Condition {
    const start = this.peek().position;
    const conditions = [this.and()];
    while (this.isWord("or") || this.peek().kind === "or") {
      this.next();
      conditions.push(this.and());
    }
    return conditions.length === 1 ? conditions[0]! : this.mark({ type: "or", conditions }, start);
  }

  private and(): Condition {
    const start = this.peek().position;
    const conditions = [this.unary()];
    while (this.isWord("and") || this.peek().kind === "and") {
      this.next();
      conditions.push(this.unary());
    }
    return conditions.length === 1 ? conditions[0]! : this.mark({ type: "and", conditions }, start);
  }

  private unary(): Condition {
    const start = this.peek().position;
    if (this.isWord("not") || this.peek().kind === "bang") {
      this.next();
      return this.mark({ type: "not", condition: this.unary() }, start);
    }
    if (this.peek().kind === "lparen") {
      this.next();
      const inner = this.or();
      if (this.peek().kind !== "rparen") this.fail("')'");
      this.next();
      return inner;
    }
    if (this.isWord("is_missing")) {
      this.next();
      if (this.next().kind !== "lparen") this.fail("'(' after is_missing", this.tokens[this.index - 1]);
      const operand = this.reference("an attribute or metadata key in is_missing()");
      if (this.next().kind !== "rparen") this.fail("')'", this.tokens[this.index - 1]);
      return this.mark({ type: "is_missing", operand }, start);
    }
    return this.predicate();
  }

  private predicate(): Condition {
    const start = this.peek().position;
    const left = this.operand();
    const token = this.peek();
    const comparison =
      (token.kind === "operator" && COMPARISONS.has(token.value)) ||
      (token.kind === "word" && WORD_OPERATORS.has(token.value));
    if (comparison) {
      this.next();
      const operator = token.value as ComparisonOperator;
      return this.mark({ type: "compare", operator, left, right: this.operand() }, token.position);
    }
    if (token.kind === "word" && token.value === "in") {
      this.next();
      return this.mark({ type: "in", left, right: this.set() }, token.position);
    }
    if (left.type === "attribute" || left.type === "metadata") {
      return this.mark({ type: "truthy", operand: left }, start);
    }
    return this.fail("an operator (= != < > <= >= in includes like)");
  }

  private set(): Extract<Condition, { type: "in" }>["right"] {
    const token = this.next();
    if (token.kind === "list") return this.mark({ type: "list", name: token.value }, token.position);
    if (token.kind !== "lparen") this.fail("a list (@name) or '(' after 'in'", token);
    const values: Literal[] = [this.literal()];
    while (this.peek().kind === "comma") {
      this.next();
      values.push(this.literal());
    }
    if (this.peek().kind !== "rparen") this.fail("',' or ')'");
    this.next();
    return { type: "values", values };
  }

  private literal(): Literal {
    const operand = this.operand();
    if (operand.type === "attribute" || operand.type === "metadata") {
      this.fail("a value (string, number, true or false)", this.tokens[this.index - 1]);
    }
    return operand;
  }

  private reference(expected: string): Reference {
    const operand = this.operand(expected);
    if (operand.type !== "attribute" && operand.type !== "metadata")
      this.fail(expected, this.tokens[this.index - 1]);
    return operand;
  }

  private operand(expected = "an attribute or a value"): Operand {
    const token = this.next();
    const node = ((): Operand => {
      switch (token.kind) {
        case "attribute":
          return { type: "attribute", name: token.value };
        case "metadata": {
          const [first, second] = token.value.split(":");
          if (second === undefined) return { type: "metadata", scope: "charge", key: first! };
          if (first === "customer") return { type: "metadata", scope: "customer", key: second };
          // Radar's ::destination:key:: reads a Connect destination, which our payments do not carry.
          return this.fail("::key:: or ::customer:key:: (destination metadata is not available)", token);
        }
        case "string":
          return { type: "string", value: token.value };
        case "number":
          return { type: "number", value: Number(token.value) };
        case "word":
          if (token.value === "true" || token.value === "false")
            return { type: "boolean", value: token.value === "true" };
          return this.fail(expected, token);
        default:
          return this.fail(expected, token);
      }
    })();
    return this.mark(node, token.position);
  }
}

/** Parses rule text and keeps each node's position for later messages. */
export function parseRuleWithSpans(text: string): { ast: RuleAst; spans: Spans } {
  const parser = new Parser(tokenize(text));
  return { ast: parser.rule(), spans: parser.spans };
}

/** Radar syntax to AST; throws a `RuleError` (code `syntax_error`) naming the line and column. */
export function parseRule(text: string): RuleAst {
  return parseRuleWithSpans(text).ast;
}
