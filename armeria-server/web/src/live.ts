// The /live page: watches the chosen products over gRPC-Web and shows them live. The products and currency come
// from the query (?products=P00001,P00002&currency=EUR); a bearer token, when the server wants one, from the URL
// fragment (#token=...), which browsers never send to a server, and which is kept for the tab's session only.
import { LiveView } from "./view";
import { PriceWatch, type State } from "./watch";

const DEFAULT_PRODUCTS = ["P00001", "P00002", "P00003", "P00004", "P00005", "P00006", "P00007", "P00008"];

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) {
    throw new Error(`#${id} missing from the page`);
  }
  return found as T;
}

function token(): string | null {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get("token");
  if (fromFragment) {
    sessionStorage.setItem("tickscope.token", fromFragment);
    history.replaceState(null, "", location.pathname + location.search);
  }
  return sessionStorage.getItem("tickscope.token");
}

function main(): void {
  const query = new URLSearchParams(location.search);
  const products = (query.get("products") ?? DEFAULT_PRODUCTS.join(","))
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  const currency = query.get("currency") ?? "";
  element<HTMLInputElement>("products").value = products.join(",");
  element<HTMLInputElement>("currency").value = currency;

  const state = element<HTMLElement>("state");
  const error = element<HTMLElement>("error");
  const reconnects = element<HTMLElement>("reconnects");
  const resyncs = element<HTMLElement>("resyncs");
  const view = new LiveView(
    element<HTMLTableElement>("prices").tBodies[0],
    element<HTMLCanvasElement>("chart"),
    element<HTMLElement>("rate"),
  );
  view.reset(products);
  let resyncCount = 0;

  const watch = new PriceWatch(products, currency, token(), {
    update(update, resync) {
      if (resync) {
        resyncs.textContent = `resyncs: ${++resyncCount}`;
      }
      view.offer(update);
    },
    state(next: State, detail: string) {
      state.textContent = next;
      state.dataset.state = next;
      error.hidden = detail === "";
      error.textContent = detail;
    },
    reconnected(count) {
      reconnects.textContent = `reconnects: ${count}`;
    },
  });
  watch.start();
}

main();
