/** Small DOM helpers shared by the explorer's views. */

type Child = Node | string | null | undefined | false;

/** An element with attributes (`text`, `className` or any attribute) and children (nodes or strings). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | null | undefined> = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (key === "text") node.textContent = String(value);
    else if (key === "className") node.className = String(value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false || child === "") continue;
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/** The element with this id; the page's markup holds every id the explorer asks for. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}

/** Click, Enter or Space on an item of `list` matching `selector`. */
export function onActivate(list: HTMLElement, selector: string, handler: (item: HTMLElement) => void): void {
  const activate = (ev: Event) => {
    const item = (ev.target as HTMLElement).closest<HTMLElement>(selector);
    if (!item) return;
    if (ev instanceof KeyboardEvent && ev.key !== "Enter" && ev.key !== " ") return;
    ev.preventDefault();
    handler(item);
  };
  list.addEventListener("click", activate);
  list.addEventListener("keydown", activate);
}
