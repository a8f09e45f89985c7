import { type Operator, requireStrings } from "./operator";

const cache = new Map<string, RegExp>();

/** `%` matches any run of characters (possibly none); everything else is literal; the whole value must match. */
function patternToRegExp(pattern: string): RegExp {
  let regExp = cache.get(pattern);
  if (!regExp) {
    const body = pattern
      .split("%")
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("[\\s\\S]*");
    regExp = new RegExp(`^${body}$`);
    cache.set(pattern, regExp);
  }
  return regExp;
}

export const like: Operator = {
  symbol: "like",
  apply: (left, right) => {
    const [text, pattern] = requireStrings("like", left, right);
    return patternToRegExp(pattern).test(text);
  },
};
