package io.tickscope.desktop.explorer.schema;

import static java.util.Objects.requireNonNull;

/**
 * A request's JSON that does not fit its message type: {@link #field()} is the path of the bad field
 * ({@code "items[1].product_id"}), empty when the JSON as a whole is wrong, and {@link #problem()} says what is
 * wrong with it.
 */
public final class RequestProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    public RequestProblem(String field, String problem) {
        super(field.isEmpty() ? problem : field + ": " + problem);
        this.field = requireNonNull(field, "field");
        this.problem = requireNonNull(problem, "problem");
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
