import { atPosition, type Position, RuleError } from "./rule-error";

export type TokenKind =
  | "word"
  | "attribute"
  | "metadata"
  | "list"
  | "string"
  | "number"
  | "operator"
  | "and"
  | "or"
  | "bang"
  | "lparen"
  | "rparen"
  | "comma"
  | "eof";

/** `value` is the decoded payload: a word lowercased, an attribute's name, a string's content. */
export type Token = { kind: TokenKind; text: string; value: string; position: Position };

const SYMBOLS: ReadonlyArray<readonly [string, TokenKind]> = [
  ["&&", "and"],
  ["||", "or"],
  ["!=", "operator"],
  ["<=", "operator"],
  [">=", "operator"],
  ["=", "operator"],
  ["<", "operator"],
  [">", "operator"],
  ["!", "bang"],
  ["(", "lparen"],
  [")", "rparen"],
  [",", "comma"],
];

const PATTERNS: ReadonlyArray<readonly [RegExp, TokenKind]> = [
  // Radar metadata keys may hold spaces: `::Customer Age::`.
  [/^::([^:\n]+(?::[^:\n]+)?)::/, "metadata"],
  [/^:([A-Za-z0-9_]+):/, "attribute"],
  [/^@([A-Za-z0-9_-]+)/, "list"],
  // A number not glued to letters; `3d` (in `request 3d secure`) is a word.
  [/^(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(?![A-Za-z_])/, "number"],
  [/^([A-Za-z0-9_]+)/, "word"],
];

function readString(text: string, start: number, position: Position): { raw: string; value: string } {
  const quote = text[start]!;
  let value = "";
  for (let index = start + 1; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === "\\" && index + 1 < text.length) {
      // `\n` is the one named escape (the printer writes newlines that way); `\x` is `x`.
      value += text[index + 1] === "n" ? "\n" : text[index + 1];
      index += 1;
    } else if (char === quote) {
      return { raw: text.slice(start, index + 1), value };
    } else if (char === "\n") {
      break;
    } else {
      value += char;
    }
  }
  throw new RuleError("syntax_error", `Unterminated string${atPosition(position)}`, position);
}

/** Splits rule text into tokens, each with its line and column. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  let line = 1;
  let lineStart = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === "\n") {
      index += 1;
      line += 1;
      lineStart = index;
      continue;
    }
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    const position = { line, column: index - lineStart + 1 };
    if (char === "'" || char === '"') {
      const { raw, value } = readString(text, index, position);
      tokens.push({ kind: "string", text: raw, value, position });
      index += raw.length;
      continue;
    }
    const rest = text.slice(index);
    const symbol = SYMBOLS.find(([symbolText]) => rest.startsWith(symbolText));
    if (symbol) {
      tokens.push({ kind: symbol[1], text: symbol[0], value: symbol[0], position });
      index += symbol[0].length;
      continue;
    }
    const match = PATTERNS.map(([pattern, kind]) => [pattern.exec(rest), kind] as const).find(([m]) => m);
    if (!match) {
      throw new RuleError("syntax_error", `Unexpected character '${char}'${atPosition(position)}`, position);
    }
    const [found, kind] = match as [RegExpExecArray, TokenKind];
    const value = kind === "word" || kind === "attribute" ? found[1]!.toLowerCase() : found[1]!;
    tokens.push({ kind, text: found[0], value, position });
    index += found[0].length;
  }
  tokens.push({ kind: "eof", text: "", value: "", position: { line, column: index - lineStart + 1 } });
  return tokens;
}
