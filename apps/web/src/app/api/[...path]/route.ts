import { NotFoundError } from "@orylo/core";
import { route } from "@/server/http/route";

// ANY /api/* that no route matches — a JSON 404 that names the path, instead of an HTML page
const notFound = route<{ path: string[] }>({ type: "system", task: "not_found" }, async (_ctx, request) => {
  throw new NotFoundError("route", `${request.method} ${new URL(request.url).pathname}`);
});

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
