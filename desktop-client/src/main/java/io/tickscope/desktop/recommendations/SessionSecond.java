package io.tickscope.desktop.recommendations;

import java.util.List;

/**
 * One second of a recommendation session, for its live chart.
 *
 * @param second seconds since the session opened, from 1
 * @param actionsSent actions sent during the second
 * @param updatesReceived recommendation updates received during the second
 * @param topScores the scores of the best recommendations at its end, best first, at most three
 */
public record SessionSecond(long second, int actionsSent, int updatesReceived, List<Double> topScores) {

    public SessionSecond {
        topScores = List.copyOf(topScores);
    }
}
