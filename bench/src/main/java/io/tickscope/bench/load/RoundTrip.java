package io.tickscope.bench.load;

/** One blocking request and response: returns when the response has arrived, throws when the call failed. */
@FunctionalInterface
public interface RoundTrip {

    void run() throws Exception;
}
