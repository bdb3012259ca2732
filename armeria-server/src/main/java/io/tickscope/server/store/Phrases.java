package io.tickscope.server.store;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Picks words from lists and fills them into patterns; the random source makes every choice. */
final class Phrases {

    private Phrases() {}

    /** Returns the words of {@code barSeparated}, such as "Rome|Venice" as [Rome, Venice]. */
    static List<String> words(String barSeparated) {
        return List.of(barSeparated.split("\\|"));
    }

    /** Returns one of {@code items}, each as likely as the others. */
    static <T> T pick(List<T> items, SplittableRandom random) {
        return items.get(random.nextInt(items.size()));
    }

    /**
     * Returns {@code pattern} with each {@code {slot}} replaced by a word from {@code words.get("slot")}, for
     * example "The {adjective} {noun}" as "The Silver Orchard". A slot's word is picked the first time the slot
     * is filled and kept in {@code chosen}, so patterns filled with the same {@code chosen} agree: a title and a
     * blurb name the same place.
     */
    static String fill(
            String pattern, Map<String, List<String>> words, Map<String, String> chosen, SplittableRandom random) {
        StringBuilder filled = new StringBuilder(pattern.length() + 32);
        int from = 0;
        for (int open = pattern.indexOf('{'); open >= 0; open = pattern.indexOf('{', from)) {
            int close = pattern.indexOf('}', open);
            String slot = pattern.substring(open + 1, close);
            List<String> choices = words.get(slot);
            if (choices == null) {
                throw new IllegalArgumentException(
                        "pattern: \"" + pattern + "\" (expected: slots among " + words.keySet() + ')');
            }
            filled.append(pattern, from, open).append(chosen.computeIfAbsent(slot, unused -> pick(choices, random)));
            from = close + 1;
        }
        return filled.append(pattern, from, pattern.length()).toString();
    }
}
