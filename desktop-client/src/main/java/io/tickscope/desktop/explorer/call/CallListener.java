package io.tickscope.desktop.explorer.call;

import com.google.protobuf.DynamicMessage;
import java.time.Instant;
import java.util.List;

/** What a call reports, on a gRPC thread, one report at a time: headers, each response, then its end once. */
public interface CallListener {

    void onHeaders(List<Header> headers);

    void onMessage(DynamicMessage response, Instant receivedAt);

    void onClose(CallOutcome outcome);
}
