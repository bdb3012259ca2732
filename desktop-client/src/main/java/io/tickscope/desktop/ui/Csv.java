package io.tickscope.desktop.ui;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes CSV as RFC 4180 says: fields joined by commas, lines ended by CRLF, and a field that holds a comma, a
 * quote, CR or LF put in quotes with its quotes doubled. Written here rather than taken from a library: no CSV
 * library is among the project's dependencies, and these few lines are the whole rule.
 */
public final class Csv {

    private Csv() {}

    /** Returns one record: the fields quoted where needed, joined, ended by CRLF. */
    public static String line(List<String> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",", "", "\r\n"));
    }

    /** Returns {@code value} as a field. */
    public static String field(String value) {
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
