import { type Operator, requireStrings } from "./operator";

/** Substring: `:email: includes 'fraud'`. Case folding, when it applies, is done before (see evaluate-condition). */
export const includes: Operator = {
  symbol: "includes",
  apply: (left, right) => {
    const [text, part] = requireStrings("includes", left, right);
    return text.includes(part);
  },
};
