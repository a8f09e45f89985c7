/** A decoded Stripe request: nested objects and arrays, every leaf a string (as Stripe receives them). */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

/**
 * Decodes Stripe's bracket notation (`metadata[orylo_action]=refund`, `enabled_events[0]=charge.failed`,
 * `created[gte]=1700000000`), the way the SDK encodes request bodies and query strings.
 */
export function decodeStripeForm(text: string): FormObject {
  const root: FormObject = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.split(/\[|\]\[|\]/).filter((part, index) => index === 0 || part !== "");
    let node: FormObject = root;
    path.forEach((part, index) => {
      if (index === path.length - 1) {
        node[part] = value;
        return;
      }
      const next = node[part];
      if (next === undefined || typeof next === "string" || Array.isArray(next)) node[part] = {};
      node = node[part] as FormObject;
    });
  }
  return arraysFromIndices(root) as FormObject;
}

/** `{ "0": a, "1": b }` → `[a, b]`, recursively. */
function arraysFromIndices(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const entries = keys.map((key) => [key, arraysFromIndices(value[key] as FormValue)] as const);
  if (keys.length > 0 && keys.every((key, index) => key === String(index))) return entries.map(([, v]) => v);
  return Object.fromEntries(entries);
}

export function stringField(form: FormObject, name: string): string | undefined {
  const value = form[name];
  return typeof value === "string" ? value : undefined;
}

export function objectField(form: FormObject, name: string): Record<string, string> {
  const value = form[name];
  if (!value || typeof value === "string" || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}
