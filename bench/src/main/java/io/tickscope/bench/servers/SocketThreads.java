package io.tickscope.bench.servers;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads for blocking socket loops, one per loop, named after their owner. */
final class SocketThreads {

    private SocketThreads() {}

    static ExecutorService named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, prefix + '-' + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
