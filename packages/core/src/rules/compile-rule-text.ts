import { compileRule, type RuleAst } from "@orylo/engine";
import { InvalidRuleError } from "../errors";
import type { RuleCompileError, RuleValidation } from "./rule-schemas";

type Compiled = { ok: true; ast: RuleAst; text: string } | { ok: false; errors: RuleCompileError[] };

/** The engine's compiler, with its errors as the API shows them (line, column, suggestion). */
export function compileRuleText(text: string): Compiled {
  const compiled = compileRule(text);
  if (compiled.ok) return compiled;
  return {
    ok: false,
    errors: compiled.errors.map((error) => ({
      code: error.code,
      message: error.message,
      line: error.position?.line ?? null,
      column: error.position?.column ?? null,
      suggestion: error.suggestion,
    })),
  };
}

/** Compiles or throws `InvalidRuleError` (400 with every error), for verbs that save a rule. */
export function compileRuleOrThrow(text: string): { ast: RuleAst; text: string } {
  const compiled = compileRuleText(text);
  if (!compiled.ok) throw new InvalidRuleError(compiled.errors);
  return compiled;
}

/** `POST /api/v1/rules/validate`: compile only, nothing saved; an invalid rule is a 200 that says why. */
export function validateRule(input: { text: string }): RuleValidation {
  const compiled = compileRuleText(input.text);
  return compiled.ok
    ? { valid: true, action: compiled.ast.action, text: compiled.text }
    : { valid: false, errors: compiled.errors };
}
