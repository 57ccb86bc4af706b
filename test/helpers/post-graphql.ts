/** A GraphQL answer as JSON; the assertions check its shape. */
export interface Answer {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any JSON the query selected
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POSTs a query as a browser or a script would, with any headers (a credential, a bookmark). */
export async function postGraphQL(
  url: string,
  query: string,
  variables?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Answer }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as Answer };
}
