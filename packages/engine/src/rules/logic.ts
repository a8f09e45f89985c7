/** Three-valued truth: `null` is unknown (a missing value was compared). */
export type Truth = boolean | null;

/** Kleene: NOT unknown is unknown. */
export function not(value: Truth): Truth {
  return value === null ? null : !value;
}

/** Kleene: false if any is false, else unknown if any is unknown, else true. */
export function and(values: readonly Truth[]): Truth {
  if (values.includes(false)) return false;
  return values.includes(null) ? null : true;
}

/** Kleene: true if any is true, else unknown if any is unknown, else false. */
export function or(values: readonly Truth[]): Truth {
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}
