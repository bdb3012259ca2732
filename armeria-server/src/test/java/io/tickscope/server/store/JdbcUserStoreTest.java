package io.tickscope.server.store;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickscope.server.pricing.Segment;
import io.tickscope.server.user.User;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreEngine.class)
class JdbcUserStoreTest {

    @Parameter
    StoreEngine engine;

    @TempDir
    Path temporary;

    @Test
    void findUserReturnsTheStoredUser() {
        try (TestDatabase testDatabase = engine.create(temporary);
                Database database = testDatabase.open(3)) {
            Map<String, Object> stored = requireNonNull(
                            testDatabase.catalogueTables().get("users"), "users")
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
        try (TestDatabase testDatabase = engine.create(temporary);
                Database database = testDatabase.open(3)) {
            assertThat(database.userStore().findUser("U9999")).isEmpty();
            assertThat(database.userStore().findUser("")).isEmpty();
        }
    }
}
