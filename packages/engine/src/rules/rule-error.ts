/** 1-based, as an editor shows them. */
export type Position = { line: number; column: number };

export type RuleErrorCode = "syntax_error" | "unknown_attribute" | "type_error";

/** A rule that cannot be saved: the code for programs, the message (with line:column) for people. */
export class RuleError extends Error {
  constructor(
    readonly code: RuleErrorCode,
    message: string,
    readonly position: Position | null,
    /** For an unknown attribute: the nearest known one, which the message also names. */
    readonly suggestion: string | null = null,
  ) {
    super(message);
    this.name = "RuleError";
  }
}

export function atPosition(position: Position | null | undefined): string {
  return position ? ` at ${position.line}:${position.column}` : "";
}
