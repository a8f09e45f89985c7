import type { ReactNode } from "react";

/**
 * The polite live region an action reports into: always rendered (so screen readers announce what appears
 * in it), holding an alert when there is something to say.
 */
export function StatusMessage({
  tone,
  children,
  testId,
}: {
  tone: "success" | "danger" | null;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <div role="status" aria-live="polite" data-testid={testId}>
      {tone ? <p className={`alert ${tone}`}>{children}</p> : null}
    </div>
  );
}
