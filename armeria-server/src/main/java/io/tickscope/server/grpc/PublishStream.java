package io.tickscope.server.grpc;

import static java.util.Objects.requireNonNullElse;

import com.google.common.util.concurrent.MoreExecutors;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.stub.StreamObserver;
import io.tickscope.api.pricing.v1.PublishPricesRequest;
import io.tickscope.api.pricing.v1.PublishPricesResponse;
import io.tickscope.api.pricing.v1.PublishRejection;
import io.tickscope.server.error.InvalidArgumentException;
import io.tickscope.server.error.NotFoundException;
import io.tickscope.server.pricing.PriceBook;
import io.tickscope.server.pricing.ProductListing;
import io.tickscope.server.pricing.ProductStore;
import io.tickscope.server.pricing.Sale;
import io.tickscope.shared.money.Amount;
import io.tickscope.shared.money.MoneyProtos;
import io.tickscope.shared.time.InstantProtos;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * One feeder's stream of price changes. Each valid change goes live at once (watchers see it as it
 * arrives); a bad one is counted and its reason kept, without ending the stream. When the feeder completes,
 * the latest listing of every changed product is stored in one transaction on the blocking executor, and
 * only then is the summary sent: an acknowledged change survives a restart.
 *
 * <p>As a cluster's replica, a change goes live only once the cluster's broker stored it, which blocks: the
 * changes are then applied one at a time, in order, on a sequential view of the blocking executor, and the
 * summary follows the last of them. When the broker cannot store a change, the call fails with UNAVAILABLE:
 * the changes before it are live (and stored), that one and the rest are not.
 */
final class PublishStream implements StreamObserver<PublishPricesRequest> {

    private static final int MAX_REJECTIONS = 100;

    private final PriceBook priceBook;
    private final ProductStore products;
    private final StreamObserver<PublishPricesResponse> responseObserver;
    private final ServiceRequestContext ctx = ServiceRequestContext.current();
    /** Where changes are applied: the event loop, or a sequential view of the blocking executor in a cluster. */
    private final Executor changeThread;

    private final Map<String, ProductListing> changed = new LinkedHashMap<>();
    private final PublishPricesResponse.Builder summary = PublishPricesResponse.newBuilder();
    private long index;
    /** Set on the change thread once the call failed, so that later changes are ignored. */
    private boolean failed;

    PublishStream(PriceBook priceBook, ProductStore products, StreamObserver<PublishPricesResponse> responseObserver) {
        this.priceBook = priceBook;
        this.products = products;
        this.responseObserver = responseObserver;
        changeThread = priceBook.changesBlock()
                ? MoreExecutors.newSequentialExecutor(ctx.blockingTaskExecutor())
                : MoreExecutors.directExecutor();
    }

    @Override
    public void onNext(PublishPricesRequest change) {
        long position = index++;
        changeThread.execute(() -> apply(change, position));
    }

    private void apply(PublishPricesRequest change, long position) {
        if (failed) {
            return;
        }
        try {
            ProductListing listing = priceBook.publish(change.getProductId(), basePrice(change), sale(change));
            changed.put(listing.productId(), listing);
            summary.setAcceptedCount(summary.getAcceptedCount() + 1);
        } catch (InvalidArgumentException | NotFoundException e) {
            summary.setRejectedCount(summary.getRejectedCount() + 1);
            if (summary.getRejectionsCount() < MAX_REJECTIONS) {
                summary.addRejections(PublishRejection.newBuilder()
                        .setIndex(position)
                        .setProductId(change.getProductId())
                        .setReason(e.getMessage()));
            }
        } catch (RuntimeException e) {
            // The change could not be applied at all (the cluster's broker is away): the call fails.
            failed = true;
            responseObserver.onError(e);
        }
    }

    @Override
    public void onError(Throwable cause) {
        // The feeder went away: its changes are live already, so store them rather than lose them.
        changeThread.execute(() -> ctx.blockingTaskExecutor().execute(() -> products.saveListings(changed.values())));
    }

    @Override
    public void onCompleted() {
        changeThread.execute(() -> {
            if (failed) {
                ctx.blockingTaskExecutor().execute(() -> products.saveListings(changed.values()));
                return;
            }
            BlockingUnary.respond(responseObserver, () -> {
                products.saveListings(changed.values());
                return summary.build();
            });
        });
    }

    private static Amount basePrice(PublishPricesRequest change) {
        if (!change.hasBasePrice()) {
            throw InvalidArgumentException.of("base_price", "not set (expected: the new list price, > 0)");
        }
        try {
            return MoneyProtos.fromProto(change.getBasePrice());
        } catch (IllegalArgumentException e) {
            throw InvalidArgumentException.of(
                    "base_price", requireNonNullElse(e.getMessage(), "not a valid amount of money"));
        }
    }

    private static @Nullable Sale sale(PublishPricesRequest change) {
        int discount = change.getSaleDiscountBasisPoints();
        if (discount == 0) {
            return null;
        }
        if (discount < 1 || discount > 9_000) {
            throw InvalidArgumentException.of(
                    "sale_discount_basis_points", discount + " (expected: 1 to 9000, or 0 for no new sale)");
        }
        if (!change.hasSaleEndTime()) {
            throw InvalidArgumentException.of(
                    "sale_end_time", "not set (expected: when the sale ends, with sale_discount_basis_points)");
        }
        try {
            return new Sale(discount, InstantProtos.fromProto(change.getSaleEndTime()));
        } catch (DateTimeException e) {
            throw InvalidArgumentException.of(
                    "sale_end_time", change.getSaleEndTime().getSeconds() + " s (expected: a valid timestamp)");
        }
    }
}
