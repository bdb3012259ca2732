package io.tickscope.desktop.connection;

import static java.util.Objects.requireNonNull;

import io.grpc.CallOptions;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Follows the channel's connectivity state and tells every subscriber about each change. gRPC notifies once
 * per change, on its own threads; each subscriber decides which thread to move to.
 *
 * <p>While the channel cannot connect, the monitor asks it to try again every {@link #RECONNECT_PERIOD}: gRPC's
 * own reconnect backoff grows to two minutes, and a monitor on someone's desk should be back within a second
 * of its server, not minutes later. A failed attempt on a refused port costs next to nothing; a second between
 * prompts leaves a connection attempt on a slow machine time to complete.
 *
 * <p>gRPC's state says that the channel fails, not why. When it fails, the monitor asks once, with a call that
 * does not wait for the connection (a health check, which the server answers to anyone), and the call's status
 * carries the channel's reason: a name that does not resolve, a port where nothing listens. Subscribers to
 * {@link #subscribeProblems problems} hear it within moments, and hear it cleared once the channel is ready.
 */
public final class ConnectionMonitor {

    /** How often a channel in transient failure is asked to reconnect at once. */
    public static final Duration RECONNECT_PERIOD = Duration.ofSeconds(1);

    /** How long the call that asks why the channel fails may take: a server that does not answer at all. */
    static final Duration PROBE_DEADLINE = Duration.ofSeconds(2);

    private final ManagedChannel channel;
    private final String server;
    private final List<Consumer<ConnectionState>> subscribers = new CopyOnWriteArrayList<>();
    private volatile ConnectionState current = ConnectionState.CONNECTING;
    private boolean wasReady;
    private volatile @Nullable ScheduledFuture<?> reconnecting;
    private final List<Consumer<Optional<ConnectionProblem>>> problemSubscribers = new CopyOnWriteArrayList<>();
    private volatile Optional<ConnectionProblem> problem = Optional.empty();
    private final AtomicBoolean probing = new AtomicBoolean();

    private ConnectionMonitor(ManagedChannel channel, String server) {
        this.channel = channel;
        this.server = server;
    }

    /**
     * Starts following {@code channel}, asking it to connect at once, and to reconnect promptly whenever it
     * fails; the prompts run on {@code scheduler}. Problems name the server by the channel's authority.
     */
    public static ConnectionMonitor start(ManagedChannel channel, ScheduledExecutorService scheduler) {
        return start(channel, scheduler, channel.authority());
    }

    /** Starts following {@code channel} as above; problems name the server {@code server}, such as a:8080,b:8080. */
    public static ConnectionMonitor start(ManagedChannel channel, ScheduledExecutorService scheduler, String server) {
        ConnectionMonitor monitor =
                new ConnectionMonitor(requireNonNull(channel, "channel"), requireNonNull(server, "server"));
        monitor.reconnecting = requireNonNull(scheduler, "scheduler")
                .scheduleWithFixedDelay(
                        monitor::reconnectIfFailing,
                        RECONNECT_PERIOD.toNanos(),
                        RECONNECT_PERIOD.toNanos(),
                        TimeUnit.NANOSECONDS);
        monitor.report(channel.getState(true));
        return monitor;
    }

    /** Returns the state last reported by the channel. */
    public ConnectionState current() {
        return current;
    }

    /**
     * Tells {@code subscriber} the current state, then every change, until the returned handle runs. A change
     * racing with the subscription may be reported twice; subscribers treat states as levels, not events.
     */
    public Runnable subscribe(Consumer<ConnectionState> subscriber) {
        requireNonNull(subscriber, "subscriber");
        subscribers.add(subscriber);
        subscriber.accept(current);
        return () -> subscribers.remove(subscriber);
    }

    /** Returns why the channel cannot connect, as last found; empty while it connects or is ready. */
    public Optional<ConnectionProblem> problem() {
        return problem;
    }

    /**
     * Tells {@code subscriber} the current problem, then each one found while the channel fails, and an empty
     * one once it is ready again, until the returned handle runs. Reports come on gRPC's threads.
     */
    public Runnable subscribeProblems(Consumer<Optional<ConnectionProblem>> subscriber) {
        requireNonNull(subscriber, "subscriber");
        problemSubscribers.add(subscriber);
        subscriber.accept(problem);
        return () -> problemSubscribers.remove(subscriber);
    }

    private void reconnectIfFailing() {
        ConnectivityState state = channel.getState(false);
        if (state == ConnectivityState.TRANSIENT_FAILURE) {
            // Skips the rest of gRPC's backoff: the next connection attempt starts now.
            channel.resetConnectBackoff();
        } else if (state == ConnectivityState.SHUTDOWN && reconnecting != null) {
            reconnecting.cancel(false);
        }
    }

    private void report(ConnectivityState state) {
        // gRPC calls back one change at a time, each after the previous one, so this needs no lock.
        ConnectionState reported = ConnectionState.of(state, wasReady);
        wasReady |= state == ConnectivityState.READY;
        current = reported;
        subscribers.forEach(subscriber -> subscriber.accept(reported));
        if (state == ConnectivityState.READY) {
            reportProblem(Optional.empty());
        } else if (state == ConnectivityState.TRANSIENT_FAILURE && problem.isEmpty()) {
            askWhyItFails();
        }
        if (state != ConnectivityState.SHUTDOWN) {
            // Asking for the state with requestConnection=true keeps an idle channel connecting, so the status
            // shows a server that went away as reconnecting rather than idle.
            channel.notifyWhenStateChanged(state, () -> report(channel.getState(true)));
        }
    }

    /** Makes one call that fails at once while the channel fails, and reads the reason off its status. */
    private void askWhyItFails() {
        if (!probing.compareAndSet(false, true)) {
            return;
        }
        ClientCalls.asyncUnaryCall(
                channel.newCall(
                        HealthGrpc.getCheckMethod(),
                        CallOptions.DEFAULT.withDeadlineAfter(PROBE_DEADLINE.toNanos(), TimeUnit.NANOSECONDS)),
                HealthCheckRequest.getDefaultInstance(),
                new StreamObserver<HealthCheckResponse>() {
                    @Override
                    public void onNext(HealthCheckResponse response) {}

                    @Override
                    public void onError(Throwable failure) {
                        probing.set(false);
                        Status status = Status.fromThrowable(failure);
                        if (status.getCode() == Status.Code.UNAVAILABLE
                                || status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
                            reportProblem(Optional.of(ConnectionProblem.of(status, server)));
                        }
                    }

                    @Override
                    public void onCompleted() {
                        probing.set(false);
                    }
                });
    }

    private synchronized void reportProblem(Optional<ConnectionProblem> found) {
        if (found.equals(problem)) {
            return;
        }
        problem = found;
        problemSubscribers.forEach(subscriber -> subscriber.accept(found));
    }
}
