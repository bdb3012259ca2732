package io.tickscope.server.store;

import static java.util.Objects.requireNonNull;

import io.tickscope.server.pricing.Segment;
import io.tickscope.server.user.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes users {@code U0001}, {@code U0002} and on with made-up names, unique addresses at example.com, and
 * segments in the shop's usual mix: about 70 % standard, 20 % VIP and 10 % wholesale customers.
 */
final class UserGenerator {

    private static final int STANDARD_PERCENT = 70;
    private static final int VIP_PERCENT = 20;
    private static final String EMAIL_DOMAIN = "@example.com";

    private final SplittableRandom random;

    /** Creates a generator that draws every choice from {@code random}. */
    UserGenerator(SplittableRandom random) {
        this.random = requireNonNull(random, "random");
    }

    /** Returns {@code count} users in user id order. */
    List<User> generate(int count) {
        List<User> users = new ArrayList<>(count);
        // Namesakes share the part of the address before the number: anna.kim, anna.kim2, anna.kim3.
        Map<String, Integer> namesakes = new HashMap<>();
        for (int i = 1; i <= count; i++) {
            PersonNames.Name name = PersonNames.draw(random);
            String localPart = name.emailLocalPart();
            int namesake = namesakes.merge(localPart, 1, Integer::sum);
            String email = namesake == 1 ? localPart + EMAIL_DOMAIN : localPart + namesake + EMAIL_DOMAIN;
            users.add(new User(userId(i), name.fullName(), email, segment()));
        }
        return users;
    }

    /** Returns the id of the {@code number}th user, for example "U0042". */
    static String userId(int number) {
        return String.format("U%04d", number);
    }

    private Segment segment() {
        int percentile = random.nextInt(100);
        if (percentile < STANDARD_PERCENT) {
            return Segment.STANDARD;
        }
        return percentile < STANDARD_PERCENT + VIP_PERCENT ? Segment.VIP : Segment.WHOLESALE;
    }
}
