package io.tickscope.server.grpc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickscope.api.user.v1.GetUserRequest;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzes {@code UserService}'s request through parsing, validation and the user store: whatever the bytes, a
 * call answers or fails with INVALID_ARGUMENT or NOT_FOUND.
 */
class UserFuzzTest {

    private static final InlineServices services = InlineServices.open();

    @AfterAll
    static void closeServices() {
        services.close();
    }

    @FuzzTest
    void getUser(byte[] input) {
        GetUserRequest request = FuzzInputs.message(input, GetUserRequest.parser());
        if (request != null) {
            services.callUnary(request, services.user()::getUser);
        }
    }
}
