package io.tickscope.desktop.rpc;

import io.tickscope.api.recommendation.v1.UserActionType;

/** What a user can do with a book during a recommendation session. */
public enum ActionType {
    VIEWED("View", UserActionType.USER_ACTION_TYPE_VIEWED),
    LIKED("Like", UserActionType.USER_ACTION_TYPE_LIKED),
    /** Needs 1 to 5 stars. */
    RATED("Rate", UserActionType.USER_ACTION_TYPE_RATED),
    /** Takes the book out of the recommendations. */
    ADDED_TO_CART("Add to cart", UserActionType.USER_ACTION_TYPE_ADDED_TO_CART),
    /** Takes the book out of the recommendations. */
    DISMISSED("Dismiss", UserActionType.USER_ACTION_TYPE_DISMISSED);

    private final String label;
    private final UserActionType proto;

    ActionType(String label, UserActionType proto) {
        this.label = label;
        this.proto = proto;
    }

    UserActionType toProto() {
        return proto;
    }

    /** Returns the action as a command, for example "Add to cart". */
    public String label() {
        return label;
    }
}
