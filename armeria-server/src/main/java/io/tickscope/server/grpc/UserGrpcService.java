package io.tickscope.server.grpc;

import static java.util.Objects.requireNonNull;

import io.grpc.stub.StreamObserver;
import io.tickscope.api.user.v1.GetUserRequest;
import io.tickscope.api.user.v1.GetUserResponse;
import io.tickscope.api.user.v1.User;
import io.tickscope.api.user.v1.UserServiceGrpc;
import io.tickscope.server.error.NotFoundException;
import io.tickscope.server.user.UserStore;

/** Serves {@code tickscope.user.v1.UserService} from the user store. */
final class UserGrpcService extends UserServiceGrpc.UserServiceImplBase {

    private final UserStore users;

    UserGrpcService(UserStore users) {
        this.users = requireNonNull(users, "users");
    }

    @Override
    public void getUser(GetUserRequest request, StreamObserver<GetUserResponse> responseObserver) {
        RequestViolations violations = new RequestViolations();
        Identifiers.check(violations, "user_id", request.getUserId(), "U0042");
        violations.throwIfAny();
        String userId = request.getUserId();
        BlockingUnary.respond(responseObserver, () -> users.findUser(userId)
                .map(user -> GetUserResponse.newBuilder().setUser(toProto(user)).build())
                .orElseThrow(() -> new NotFoundException("user", userId)));
    }

    private static User toProto(io.tickscope.server.user.User user) {
        return User.newBuilder()
                .setUserId(user.userId())
                .setDisplayName(user.displayName())
                .setEmail(user.email())
                .setCustomerSegment(Segments.toProto(user.segment()))
                .build();
    }
}
