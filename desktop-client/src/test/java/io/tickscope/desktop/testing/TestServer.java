package io.tickscope.desktop.testing;

import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.PublishPricesRequest;
import io.tickscope.api.pricing.v1.PublishPricesResponse;
import io.tickscope.desktop.connection.Channels;
import io.tickscope.desktop.connection.ServerAddress;
import io.tickscope.server.ServerSettings;
import io.tickscope.server.TickscopeServer;
import io.tickscope.server.testing.Directories;
import io.tickscope.shared.money.Amount;
import io.tickscope.shared.money.MoneyProtos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A real Tickscope server on a free loopback port, over the same data directory for the whole test run (the
 * first start seeds it, later ones open it in a fraction of the time). It can stop and start again on the
 * same port, the way a server restarts under a running client, and publishes exact price changes through
 * the real {@code PublishPrices} stream.
 */
public final class TestServer implements AutoCloseable {

    private static final Path DATA_DIRECTORY = sharedDataDirectory();

    private final int tickRate;
    private final ServerAddress address;
    private final ManagedChannel publisherChannel;
    private @Nullable TickscopeServer running;

    private TestServer(int tickRate, TickscopeServer running) {
        this.tickRate = tickRate;
        this.running = running;
        this.address = new ServerAddress("127.0.0.1", running.port());
        this.publisherChannel = Channels.open(address);
    }

    /** Starts a server whose market moves {@code tickRate} prices per second; 0 keeps prices still. */
    public static TestServer start(int tickRate) {
        return new TestServer(tickRate, TickscopeServer.start(settings(0, tickRate)));
    }

    public ServerAddress address() {
        return address;
    }

    /** Stops the server the way SIGTERM does: streams end with UNAVAILABLE, the port closes. */
    public synchronized void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /** Starts the server again on the same port when a test left it stopped, so one failure does not cascade. */
    public synchronized void ensureRunning() {
        if (running == null) {
            restart();
        }
    }

    /** Starts the server again on the same port. */
    public synchronized void restart() {
        stop();
        running = TickscopeServer.start(settings(address.port(), tickRate));
    }

    /**
     * Multiplies the list price of {@code productId} by {@code factor} (for example "1.05") through the real
     * {@code PublishPrices} stream, and returns the new list price once the server applied it.
     */
    public Amount movePrice(String productId, String factor) {
        PricingServiceGrpc.PricingServiceBlockingStub quotes = PricingServiceGrpc.newBlockingStub(publisherChannel)
                .withWaitForReady()
                .withDeadlineAfter(10, TimeUnit.SECONDS);
        GetPriceRequest request =
                GetPriceRequest.newBuilder().setProductId(productId).build();
        String listingCurrency = quotes.getPrice(request).getQuote().getListingCurrencyCode();
        Amount listed = MoneyProtos.fromProto(quotes.getPrice(
                        request.toBuilder().setCurrencyCode(listingCurrency).build())
                .getQuote()
                .getBasePrice());
        Amount moved = Amount.of(listed.currency(), listed.toBigDecimal().multiply(new BigDecimal(factor)));
        CompletableFuture<PublishPricesResponse> summary = new CompletableFuture<>();
        StreamObserver<PublishPricesRequest> feeder = PricingServiceGrpc.newStub(publisherChannel)
                .withWaitForReady()
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .publishPrices(new StreamObserver<>() {
                    @Override
                    public void onNext(PublishPricesResponse response) {
                        summary.complete(response);
                    }

                    @Override
                    public void onError(Throwable failure) {
                        summary.completeExceptionally(failure);
                    }

                    @Override
                    public void onCompleted() {}
                });
        feeder.onNext(PublishPricesRequest.newBuilder()
                .setProductId(productId)
                .setBasePrice(MoneyProtos.toProto(moved))
                .build());
        feeder.onCompleted();
        PublishPricesResponse response = summary.orTimeout(10, TimeUnit.SECONDS).join();
        if (response.getAcceptedCount() != 1) {
            throw new IllegalStateException("publish " + moved + " for " + productId + ": " + response);
        }
        return moved;
    }

    @Override
    public void close() {
        stop();
        publisherChannel.shutdownNow();
    }

    private static ServerSettings settings(int port, int tickRate) {
        return new ServerSettings(
                "127.0.0.1", port, DATA_DIRECTORY, tickRate, ServerSettings.DEFAULT_SEED, Duration.ofSeconds(1));
    }

    private static Path sharedDataDirectory() {
        try {
            Path directory = Files.createTempDirectory("tickscope-desktop-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Directories.deleteRecursively(directory)));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
