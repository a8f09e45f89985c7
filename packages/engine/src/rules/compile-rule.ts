import type { RuleAst } from "./ast";
import type { AttributeRegistry } from "./attributes/registry";
import { parseRuleWithSpans } from "./parser";
import { printRule } from "./printer";
import { RuleError } from "./rule-error";
import { checkRule } from "./type-check";

export type CompiledRule = { ok: true; ast: RuleAst; text: string } | { ok: false; errors: RuleError[] };

/** Text a merchant typed or pasted → a checked AST and its canonical text, or every error with its position. */
export function compileRule(text: string, options: { registry?: AttributeRegistry } = {}): CompiledRule {
  try {
    const { ast, spans } = parseRuleWithSpans(text);
    const errors = checkRule(ast, { ...options, spans });
    return errors.length > 0 ? { ok: false, errors } : { ok: true, ast, text: printRule(ast) };
  } catch (error) {
    if (error instanceof RuleError) return { ok: false, errors: [error] };
    throw error;
  }
}
