package io.tickscope.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ServerCall;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The order of callbacks a reflection stream's listener sees when Armeria calls {@code onReady} from inside
 * {@code onMessage} (line/armeria#6938), which a real server does only now and then: ProtocolsTest sends requests
 * ahead of their answers to a real one.
 */
class ReflectionOnReadyBetweenCallbacksTest {

    private final List<String> seen = new ArrayList<>();

    @Test
    void anOnReadyFromInsideOnMessageRunsOnceRightAfterIt() {
        ReentrantListener service = new ReentrantListener();
        ServerCall.Listener<String> guarded = new ReflectionOnReadyBetweenCallbacks.Serialized<>(service);
        service.readyDuringMessage = guarded;

        guarded.onMessage("first");
        guarded.onReady();

        assertThat(seen)
                .containsExactly(
                        "message first begins",
                        "message first ends",
                        "ready begins",
                        "ready ends",
                        "ready begins",
                        "ready ends");
    }

    @Test
    void anOnReadyFromInsideOnReadyRunsAgainAfterIt() {
        ReentrantListener service = new ReentrantListener();
        ServerCall.Listener<String> guarded = new ReflectionOnReadyBetweenCallbacks.Serialized<>(service);
        service.readyDuringReady = guarded;

        guarded.onReady();

        assertThat(seen).containsExactly("ready begins", "ready ends", "ready begins", "ready ends");
    }

    /** Records its callbacks, and calls {@code onReady} back from inside the first of them, as Armeria can. */
    private final class ReentrantListener extends ServerCall.Listener<String> {

        ServerCall.@Nullable Listener<String> readyDuringMessage;
        ServerCall.@Nullable Listener<String> readyDuringReady;

        @Override
        public void onMessage(String message) {
            seen.add("message " + message + " begins");
            if (readyDuringMessage != null) {
                ServerCall.Listener<String> once = readyDuringMessage;
                readyDuringMessage = null;
                once.onReady();
            }
            seen.add("message " + message + " ends");
        }

        @Override
        public void onReady() {
            seen.add("ready begins");
            if (readyDuringReady != null) {
                ServerCall.Listener<String> once = readyDuringReady;
                readyDuringReady = null;
                once.onReady();
            }
            seen.add("ready ends");
        }
    }
}
