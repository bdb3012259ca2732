package io.tickscope.server.grpc;

import io.tickscope.api.pricing.v1.PriceTick;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.server.pricing.PriceHistory;
import io.tickscope.server.pricing.Quote;
import io.tickscope.shared.time.InstantProtos;

/** Maps price history from the domain to the contract. */
final class HistoryMessages {

    private HistoryMessages() {}

    static PriceTick toProto(PriceHistory.QuotedTick tick) {
        return PriceTick.newBuilder()
                .setQuote(PricingMessages.toProto(tick.quote()))
                .setSequenceNumber(tick.tick().sequenceNumber())
                .setEventTime(InstantProtos.toProto(tick.tick().eventTime()))
                .setServerIncarnation(tick.tick().incarnation())
                .build();
    }

    /** Returns a stored change replayed on a watch, with the incarnation its sequence number belongs to. */
    static WatchPricesResponse toReplayProto(io.tickscope.server.pricing.PriceTick tick, Quote quote) {
        return WatchPricesResponse.newBuilder()
                .setQuote(PricingMessages.toProto(quote))
                .setKind(PriceUpdateKind.PRICE_UPDATE_KIND_REPLAY)
                .setSequenceNumber(tick.sequenceNumber())
                .setEventTime(InstantProtos.toProto(tick.eventTime()))
                .setServerIncarnation(tick.incarnation())
                .build();
    }
}
