package io.tickscope.server.store;

import static java.util.Objects.requireNonNull;

import io.tickscope.server.pricing.Segment;
import io.tickscope.server.user.User;
import io.tickscope.server.user.UserStore;
import java.util.Collection;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Users in SQLite or PostgreSQL. Each user's segment must have a discount: the schema refuses a user in any other. */
final class JdbcUserStore implements UserStore {

    private final Jdbi jdbi;

    JdbcUserStore(Jdbi jdbi) {
        this.jdbi = requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<User> findUser(String userId) {
        requireNonNull(userId, "userId");
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT user_id, display_name, email, segment FROM users WHERE user_id = ?")
                .bind(0, userId)
                .map((row, context) -> new User(
                        row.getString("user_id"),
                        row.getString("display_name"),
                        row.getString("email"),
                        Segment.valueOf(row.getString("segment"))))
                .findOne());
    }

    /** Inserts {@code users} within the transaction of {@code handle}. */
    static void insertUsers(Handle handle, Collection<User> users) {
        PreparedBatch batch =
                handle.prepareBatch("INSERT INTO users (user_id, display_name, email, segment) VALUES (?, ?, ?, ?)");
        for (User user : users) {
            batch.add(
                    user.userId(),
                    user.displayName(),
                    user.email(),
                    user.segment().name());
        }
        batch.execute();
    }
}
