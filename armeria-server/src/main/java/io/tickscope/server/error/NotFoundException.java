package io.tickscope.server.error;

/** Something a request named does not exist, for example an unknown product id. */
public final class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for {@code what} (for example "product") with the id {@code id}. */
    public NotFoundException(String what, String id) {
        super(what + " not found: \"" + id + '"');
    }
}
