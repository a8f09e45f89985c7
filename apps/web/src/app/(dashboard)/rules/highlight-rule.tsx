import type { ReactNode } from "react";

/** Tokens of the rule language a reader looks for: keywords, `:attributes:`, `@lists`, strings, numbers. */
const TOKEN =
  /(:[a-z0-9_]+:?)|(@[A-Za-z0-9_-]+)|('(?:[^'\\]|\\.)*'?)|(\b\d+(?:\.\d+)?\b)|(\b(?:block|review|allow|request_3ds|if|and|or|not|in|is_missing)\b)/gi;

/**
 * The rule text as spans for the highlight layer under the editor. The error (1-based line/column) is
 * underlined from its column to the end of its token, so the merchant sees where it went wrong.
 */
export function highlightRule(
  text: string,
  error: { line: number | null; column: number | null } | null,
): ReactNode[] {
  const errorAt =
    error?.line && error.column
      ? text
          .split("\n")
          .slice(0, error.line - 1)
          .reduce((sum, line) => sum + line.length + 1, 0) +
        error.column -
        1
      : -1;
  const nodes: ReactNode[] = [];
  let last = 0;
  const plain = (from: number, to: number) => {
    if (from >= to) return;
    if (errorAt >= from && errorAt < to) {
      const end = text.slice(errorAt).search(/\s|$/) + errorAt;
      nodes.push(text.slice(from, errorAt));
      nodes.push(
        <mark key={`e${errorAt}`} className="rule-error">
          {text.slice(errorAt, Math.max(end, errorAt + 1))}
        </mark>,
      );
      nodes.push(text.slice(Math.max(end, errorAt + 1), to));
    } else nodes.push(text.slice(from, to));
  };
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    const kind = match[1]
      ? "attr"
      : match[2]
        ? "list"
        : match[3]
          ? "string"
          : match[4]
            ? "number"
            : "keyword";
    const end = start + match[0].length;
    if (errorAt >= start && errorAt < end) {
      plain(last, end);
    } else {
      plain(last, start);
      nodes.push(
        <span key={start} className={`rule-${kind}`}>
          {match[0]}
        </span>,
      );
    }
    last = end;
  }
  plain(last, text.length);
  // A trailing newline needs a character after it, or the layer is one line shorter than the textarea.
  nodes.push("\u200b");
  return nodes;
}
