import type { Page, PageRequest } from "../../store/graph-store";

/** Rows an export reads from the store at a time: its memory is a page, whatever the graph's size. */
const EXPORT_PAGE_SIZE = 500;

/** Every page of a keyset-paginated read (items ordered by id), one store call per page. */
export async function* pagesOf<T extends { readonly id: string }>(
  read: (page: PageRequest) => Promise<Page<T>>,
): AsyncGenerator<readonly T[]> {
  let after: string | null = null;
  for (;;) {
    const page = await read({ first: EXPORT_PAGE_SIZE, after });
    if (page.items.length > 0) yield page.items;
    if (!page.hasNextPage || page.items.length === 0) return;
    after = page.items.at(-1)!.id;
  }
}
