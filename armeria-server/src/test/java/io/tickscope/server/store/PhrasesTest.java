package io.tickscope.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PhrasesTest {

    private static final Map<String, List<String>> WORDS =
            Map.of("place", Phrases.words("Venice|Genoa|Mali"), "adjective", Phrases.words("Long|Silent"));

    @Test
    void slotFilledTwiceWithTheSameChoicesNamesTheSameWord() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 20; i++) {
            Map<String, String> chosen = new HashMap<>();
            String title = Phrases.fill("The {adjective} Years of {place}", WORDS, chosen, random);
            String blurb = Phrases.fill("Life in {place}.", WORDS, chosen, random);

            assertThat(title).isEqualTo("The " + chosen.get("adjective") + " Years of " + chosen.get("place"));
            assertThat(blurb).isEqualTo("Life in " + chosen.get("place") + '.');
            assertThat(WORDS.get("place")).contains(chosen.get("place"));
        }
    }

    @Test
    void patternWithoutSlotsStaysAsItIs() {
        assertThat(Phrases.fill("Plain", WORDS, new HashMap<>(), new SplittableRandom(3)))
                .isEqualTo("Plain");
    }

    @Test
    void unknownSlotIsRefused() {
        assertThatThrownBy(() -> Phrases.fill("The {noun}", WORDS, new HashMap<>(), new SplittableRandom(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("pattern: \"The {noun}\" (expected: slots among ");
    }
}
