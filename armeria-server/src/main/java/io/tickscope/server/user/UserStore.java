package io.tickscope.server.user;

import java.util.Optional;

/** Where users are kept. Implementations block: call them from a blocking executor, never an event loop. */
public interface UserStore {

    /** Returns the user with id {@code userId}, if there is one. */
    Optional<User> findUser(String userId);
}
