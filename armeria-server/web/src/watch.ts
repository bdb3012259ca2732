// One resumable WatchPrices stream over gRPC-Web. WatchPrices carries no resume point in its request: the contract
// tells a watcher to keep each product's last sequence number and the server incarnation it came with, ignore a
// change at or below the number held, and take a snapshot of another incarnation as a resync. This class does
// exactly that across reconnects, so the view sees each change once and learns of every resync.
import { Code, ConnectError, createClient, type Interceptor } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import {
  PriceUpdateKind,
  PricingService,
  type WatchPricesResponse,
} from "./gen/tickscope/pricing/v1/pricing_service_pb";

export type State = "connecting" | "live" | "reconnecting" | "failed";

export interface WatchListener {
  update(update: WatchPricesResponse, resync: boolean): void;
  state(state: State, detail: string): void;
  reconnected(count: number): void;
}

/** Codes a new attempt cannot fix: the request or the caller is wrong, and saying so beats retrying. */
const FINAL = new Set([Code.NotFound, Code.InvalidArgument, Code.Unauthenticated, Code.PermissionDenied,
  Code.Unimplemented]);

const MAX_BACKOFF_MS = 5_000;

export class PriceWatch {
  private readonly held = new Map<string, bigint>();
  private incarnation = 0n;
  private abort = new AbortController();
  private reconnects = 0;

  constructor(
    private readonly productIds: string[],
    private readonly currencyCode: string,
    private readonly token: string | null,
    private readonly listener: WatchListener,
  ) {}

  start(): void {
    void this.run();
  }

  stop(): void {
    this.abort.abort();
  }

  private async run(): Promise<void> {
    const bearer: Interceptor = (next) => async (req) => {
      if (this.token) {
        req.header.set("authorization", `Bearer ${this.token}`);
      }
      return next(req);
    };
    const client = createClient(
      PricingService,
      createGrpcWebTransport({ baseUrl: location.origin, useBinaryFormat: true, interceptors: [bearer] }),
    );
    let backoff = 250;
    for (let attempt = 0; !this.abort.signal.aborted; attempt++) {
      this.listener.state(attempt === 0 ? "connecting" : "reconnecting", "");
      let received = false;
      try {
        const stream = client.watchPrices(
          { productIds: this.productIds, currencyCode: this.currencyCode },
          { signal: this.abort.signal },
        );
        for await (const update of stream) {
          if (!received) {
            received = true;
            backoff = 250;
            if (attempt > 0) {
              this.listener.reconnected(++this.reconnects);
            }
            this.listener.state("live", "");
          }
          this.accept(update);
        }
        // A server stream of prices never completes on its own: treat it as a broken one.
        throw new ConnectError("the server ended the stream", Code.Unavailable);
      } catch (e) {
        if (this.abort.signal.aborted) {
          return;
        }
        const error = ConnectError.from(e);
        if (FINAL.has(error.code)) {
          this.listener.state("failed", `${statusName(error.code)}: ${error.rawMessage}`);
          return;
        }
        this.listener.state("reconnecting", `${statusName(error.code)}: ${error.rawMessage}`);
        await sleep(backoff, this.abort.signal);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  private accept(update: WatchPricesResponse): void {
    const productId = update.quote?.productId ?? "";
    const held = this.held.get(productId) ?? 0n;
    let resync = false;
    if (update.kind === PriceUpdateKind.SNAPSHOT && update.serverIncarnation !== this.incarnation) {
      // Numbers of another incarnation compare with nothing held: every product resyncs from its snapshot.
      resync = this.incarnation !== 0n;
      this.incarnation = update.serverIncarnation;
      this.held.clear();
    } else if (update.sequenceNumber <= held) {
      return;
    }
    this.held.set(productId, update.sequenceNumber);
    this.listener.update(update, resync);
  }
}

/** The status as gRPC names it everywhere else (NOT_FOUND), rather than Connect's NotFound. */
function statusName(code: Code): string {
  return Code[code].replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
