// The table and the chart. Updates only land in a map of the latest quote per product; the DOM and the canvas
// are touched in an animation frame at most every MIN_FRAME_MS, however fast updates arrive, so a busy market
// costs the tab a few small redraws a second (and nothing while the tab is hidden, when browsers pause animation
// frames).
import type { Money } from "./gen/google/type/money_pb";
import type { WatchPricesResponse } from "./gen/tickscope/pricing/v1/pricing_service_pb";

const HISTORY_MS = 120_000;
/** At most ten redraws a second: enough to read prices and see them move, a sixth of the frames of a busy tab. */
const MIN_FRAME_MS = 100;
const COLOURS = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777",
  "#4b5563", "#65a30d"];

interface Row {
  element: HTMLTableRowElement;
  cells: HTMLTableCellElement[];
  first: number;
  colour: string;
  /** Time and price points, oldest first, at most one per frame. */
  history: { t: number; price: number }[];
}

function set(cell: HTMLTableCellElement, text: string): void {
  if (cell.textContent !== text) {
    cell.textContent = text;
  }
}

export function money(m: Money | undefined): number {
  return m ? Number(m.units) + m.nanos / 1e9 : NaN;
}

export class LiveView {
  private readonly rows = new Map<string, Row>();
  private readonly pending = new Map<string, WatchPricesResponse>();
  private frameRequested = false;
  private lastFrame = 0;
  private updatesThisSecond = 0;
  private secondStarted = performance.now();

  constructor(
    private readonly body: HTMLTableSectionElement,
    private readonly canvas: HTMLCanvasElement,
    private readonly rate: HTMLElement,
  ) {}

  reset(productIds: string[]): void {
    this.rows.clear();
    this.pending.clear();
    this.body.replaceChildren();
    productIds.forEach((id) => this.row(id));
    this.draw();
  }

  offer(update: WatchPricesResponse): void {
    this.pending.set(update.quote?.productId ?? "", update);
    this.updatesThisSecond++;
    if (!this.frameRequested) {
      this.frameRequested = true;
      const wait = Math.max(0, this.lastFrame + MIN_FRAME_MS - performance.now());
      setTimeout(() => requestAnimationFrame(() => this.frame()), wait);
    }
  }

  private frame(): void {
    this.frameRequested = false;
    this.lastFrame = performance.now();
    const now = Date.now();
    for (const update of this.pending.values()) {
      this.apply(update, now);
    }
    this.pending.clear();
    this.draw();
    const elapsed = performance.now() - this.secondStarted;
    if (elapsed >= 1000) {
      this.rate.textContent = `${Math.round((this.updatesThisSecond * 1000) / elapsed)} updates/s`;
      this.updatesThisSecond = 0;
      this.secondStarted = performance.now();
    }
  }

  private row(productId: string): Row {
    let row = this.rows.get(productId);
    if (!row) {
      const element = this.body.insertRow();
      element.dataset.product = productId;
      const cells = Array.from({ length: 7 }, () => element.insertCell());
      [2, 3, 4].forEach((i) => cells[i].classList.add("num"));
      const colour = COLOURS[this.rows.size % COLOURS.length];
      cells[0].innerHTML = `<span class="swatch" style="background:${colour}"></span>`;
      cells[0].append(productId);
      row = { element, cells, first: NaN, colour, history: [] };
      this.rows.set(productId, row);
    }
    return row;
  }

  private apply(update: WatchPricesResponse, now: number): void {
    const quote = update.quote;
    if (!quote) {
      return;
    }
    const row = this.row(quote.productId);
    const price = money(quote.discountedPrice);
    if (Number.isNaN(row.first)) {
      row.first = price;
    }
    const change = ((price - row.first) / row.first) * 100;
    const c = row.cells;
    // Only what changed is written: an unchanged text or class costs the browser no style or layout work.
    set(c[1], quote.productName);
    set(c[2], `${price.toFixed(2)} ${quote.discountedPrice?.currencyCode ?? ""}`);
    set(c[3], `${change >= 0 ? "+" : ""}${change.toFixed(2)}%`);
    const direction = `num ${change > 0 ? "up" : change < 0 ? "down" : ""}`;
    if (c[3].className !== direction) {
      c[3].className = direction;
    }
    set(c[4], update.sequenceNumber.toString());
    set(c[5], quote.onSale ? "on sale" : "");
    set(c[6], new Date(now).toLocaleTimeString());
    row.history.push({ t: now, price });
    while (row.history.length > 0 && row.history[0].t < now - HISTORY_MS) {
      row.history.shift();
    }
  }

  private draw(): void {
    const ctx = this.canvas.getContext("2d");
    if (!ctx) {
      return;
    }
    const { width, height } = this.canvas;
    ctx.clearRect(0, 0, width, height);
    const now = Date.now();
    let min = -0.5;
    let max = 0.5;
    for (const row of this.rows.values()) {
      for (const p of row.history) {
        const change = ((p.price - row.first) / row.first) * 100;
        min = Math.min(min, change);
        max = Math.max(max, change);
      }
    }
    const y = (change: number) => height - 20 - ((change - min) / (max - min)) * (height - 40);
    const x = (t: number) => 50 + ((t - (now - HISTORY_MS)) / HISTORY_MS) * (width - 60);
    ctx.strokeStyle = "#d8dde6";
    ctx.fillStyle = "#667";
    ctx.font = "11px sans-serif";
    ctx.beginPath();
    ctx.moveTo(50, y(0));
    ctx.lineTo(width - 10, y(0));
    ctx.stroke();
    ctx.fillText(`${max.toFixed(2)}%`, 4, 24);
    ctx.fillText(`${min.toFixed(2)}%`, 4, height - 16);
    if (y(0) > 36 && y(0) < height - 30) {
      // Only where it does not sit on the top or bottom label.
      ctx.fillText("0%", 4, y(0) + 4);
    }
    ctx.fillText("last 2 min", width - 70, height - 4);
    for (const row of this.rows.values()) {
      if (row.history.length === 0) {
        continue;
      }
      ctx.strokeStyle = row.colour;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      row.history.forEach((p, i) => {
        const change = ((p.price - row.first) / row.first) * 100;
        // A step line: a price holds until it changes.
        if (i === 0) {
          ctx.moveTo(x(p.t), y(change));
        } else {
          ctx.lineTo(x(p.t), y(((row.history[i - 1].price - row.first) / row.first) * 100));
          ctx.lineTo(x(p.t), y(change));
        }
      });
      ctx.lineTo(x(now), y(((row.history[row.history.length - 1].price - row.first) / row.first) * 100));
      ctx.stroke();
    }
  }
}
