package io.tickscope.server.store;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickscope.server.pricing.Segment;
import io.tickscope.server.user.User;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteUserStoreTest {

    @TempDir
    Path dataDirectory;

    @Test
    void findUserReturnsTheStoredUser() {
        try (Database database = TestDatabases.open(dataDirectory, 3)) {
            Map<String, Object> stored = requireNonNull(
                            TestDatabases.catalogueTables(dataDirectory).get("users"), "users")
                    .get(41);

            assertThat(database.userStore().findUser("U0042"))
                    .contains(new User(
                            "U0042",
                            (String) requireNonNull(stored.get("display_name"), "display_name"),
                            (String) requireNonNull(stored.get("email"), "email"),
                            Segment.valueOf((String) requireNonNull(stored.get("segment"), "segment"))));
        }
    }

    @Test
    void findUserOfAnUnknownIdIsEmpty() {
        try (Database database = TestDatabases.open(dataDirectory, 3)) {
            assertThat(database.userStore().findUser("U9999")).isEmpty();
            assertThat(database.userStore().findUser("")).isEmpty();
        }
    }
}
