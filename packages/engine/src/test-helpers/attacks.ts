import type { Transaction } from "../transaction";
import { declined, makeTransaction } from "./make-transaction";
import { createRandom, pick } from "./random";

const MINUTE = 60_000;

/** A card tester enumerating stolen cards from one IP: a new card each try, tiny amounts, mostly declined. */
export function enumerationBurst(seed: number, start: Date, cards = 40, minutes = 4): Transaction[] {
  const random = createRandom(seed);
  const span = minutes * MINUTE;
  return Array.from({ length: cards }, (_, index) => {
    const fails = random() < 0.85;
    return makeTransaction({
      createdAt: new Date(start.getTime() + Math.floor((index * span) / cards + random() * 1000)),
      amount: pick(random, [50, 100, 100, 150, 200]),
      cardFingerprint: `fp_stolen_${seed}_${index}`,
      customerId: null,
      email: random() < 0.5 ? null : `x${Math.floor(random() * 1e9)}@mail.test`,
      ipAddress: "192.0.2.66",
      deviceId: null,
      cvcCheck: null,
      addressPostalCodeCheck: null,
      ...(fails
        ? declined(
            pick(random, ["generic_decline", "incorrect_number", "do_not_honor", "insufficient_funds"]),
          )
        : {}),
    });
  });
}

/** One stolen card whose CVC is being guessed: the same card, declined `incorrect_cvc`, a minute apart. */
export function cvcGuessing(start: Date, attempts = 6): Transaction[] {
  return Array.from({ length: attempts }, (_, index) =>
    makeTransaction({
      createdAt: new Date(start.getTime() + index * MINUTE),
      amount: 8_900,
      cardFingerprint: "fp_guessed",
      customerId: "cus_guesser",
      email: "guesser@mail.test",
      ipAddress: "198.51.100.23",
      ...declined("incorrect_cvc", { cvcCheck: "fail" }),
    }),
  );
}

/** An honest shopper declined twice for insufficient funds who pays on the third try. */
export function declinedThenPays(start: Date): Transaction[] {
  const shopper = {
    cardFingerprint: "fp_short",
    customerId: "cus_short",
    email: "short@example.com",
    ipAddress: "203.0.113.9",
  };
  return [
    makeTransaction({ ...shopper, ...declined("insufficient_funds"), createdAt: start }),
    makeTransaction({
      ...shopper,
      ...declined("insufficient_funds"),
      createdAt: new Date(start.getTime() + 2 * MINUTE),
    }),
    makeTransaction({ ...shopper, amount: 3_000, createdAt: new Date(start.getTime() + 5 * MINUTE) }),
  ];
}

/** Five people behind one IP (an office, a household) over a day, each with their own card and email. */
export function sharedIp(seed: number, start: Date, people = 5): Transaction[] {
  const random = createRandom(seed);
  return Array.from({ length: people }).flatMap((_, person) =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
      makeTransaction({
        createdAt: new Date(start.getTime() + Math.floor(random() * 10 * 60) * MINUTE),
        amount: 1_000 + Math.floor(random() * 9_000),
        cardFingerprint: `fp_colleague_${person}`,
        customerId: `cus_colleague_${person}`,
        email: `colleague${person}@example.org`,
        ipAddress: "198.51.100.200",
      }),
    ),
  );
}
