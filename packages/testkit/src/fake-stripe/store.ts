import { randomBytes } from "node:crypto";

export type StripeObject = Record<string, unknown> & { id: string; object: string; created: number };

/** The list envelope Stripe answers with; `has_more` and `starting_after` page through it, newest first. */
export interface StripeList {
  object: "list";
  url: string;
  has_more: boolean;
  data: StripeObject[];
}

export interface ListOptions {
  url: string;
  limit?: string | undefined;
  startingAfter?: string | undefined;
  created?: Record<string, string> | undefined;
  where?: (object: StripeObject) => boolean;
}

export function stripeId(prefix: string): string {
  return `${prefix}_fake${randomBytes(9).toString("base64url").replace(/[-_]/g, "x")}`;
}

/** Objects by kind and by Stripe account: a connected account sees only its own. */
export class FakeStripeStore {
  private readonly objects = new Map<string, StripeObject & { account?: never }>();
  private readonly accountOf = new Map<string, string>();

  put<T extends StripeObject>(account: string, object: T): T {
    this.objects.set(object.id, object as never);
    this.accountOf.set(object.id, account);
    return object;
  }

  get(account: string, object: string, id: string): StripeObject | undefined {
    const found = this.objects.get(id);
    return found && found.object === object && this.accountOf.get(id) === account ? found : undefined;
  }

  list(account: string, object: string, options: ListOptions): StripeList {
    const limit = Math.min(Math.max(Number(options.limit ?? 10), 1), 100);
    const gte = options.created?.gte ? Number(options.created.gte) : -Infinity;
    const lt = options.created?.lt ? Number(options.created.lt) : Infinity;
    const all = [...this.objects.values()]
      .filter((o) => o.object === object && this.accountOf.get(o.id) === account)
      .filter((o) => o.created >= gte && o.created < lt && (options.where?.(o) ?? true))
      // Newest first, as Stripe lists; the id breaks ties so pages never overlap.
      .sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
    const start = options.startingAfter ? all.findIndex((o) => o.id === options.startingAfter) + 1 : 0;
    const data = all.slice(start, start + limit);
    return { object: "list", url: options.url, has_more: start + limit < all.length, data };
  }
}
