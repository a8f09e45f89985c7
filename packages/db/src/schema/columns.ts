import { timestamp } from "drizzle-orm/pg-core";

/** Every time is stored with its zone; Drizzle hands back `Date`s. */
export const timestamptz = () => timestamp({ withTimezone: true, mode: "date" });
export const createdAt = () => timestamptz().notNull().defaultNow();
