import { after } from "next/server";

/**
 * Runs `work` once the response is sent (Next.js keeps serverless functions alive for it). Outside a request
 * scope (route handlers called directly, as in tests) there is no "after": the work runs now, awaited.
 */
export async function afterResponse(
  work: () => Promise<void>,
  onError: (error: unknown) => void,
): Promise<void> {
  const guarded = () => work().catch(onError);
  try {
    after(guarded);
  } catch {
    await guarded();
  }
}
