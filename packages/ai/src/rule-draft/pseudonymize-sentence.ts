/**
 * A merchant's sentence may quote an email, an IP address or a card number: those never reach a model
 * (ARCHITECTURE §6). Each is replaced by a token (`value_1`, ...) the model copies into its rule as a string,
 * and `restore` puts the merchant's value back in what the model wrote.
 */
export interface PseudonymizedSentence {
  text: string;
  restore(written: string): string;
}

const PATTERNS: readonly RegExp[] = [
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
  /\b(?:\d{1,3}\.){3}\d{1,3}\b/g,
  /\b[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{0,4}){3,7}\b/g,
  /\b(?:\d[ -]?){12,18}\d\b/g,
];

export function pseudonymizeSentence(sentence: string): PseudonymizedSentence {
  const values = new Map<string, string>();
  let text = sentence;
  for (const pattern of PATTERNS) {
    text = text.replace(pattern, (value) => {
      const existing = [...values].find(([, original]) => original === value)?.[0];
      if (existing) return existing;
      const token = `value_${values.size + 1}`;
      values.set(token, value);
      return token;
    });
  }
  return {
    text,
    restore: (written) => written.replace(/\bvalue_(\d+)\b/g, (token) => values.get(token) ?? token),
  };
}
