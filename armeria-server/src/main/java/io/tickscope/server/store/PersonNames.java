package io.tickscope.server.store;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Made-up names of people, for users and authors, drawn from lists of common given and family names. */
final class PersonNames {

    /** One person's name. */
    record Name(String given, String family) {

        /** Returns the name as people read it, given name first. */
        String fullName() {
            return given + ' ' + family;
        }

        /** Returns the name as the part of an email address before the '@', such as "anna.obrien". */
        String emailLocalPart() {
            return (given + '.' + family).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
        }
    }

    private static final List<String> GIVEN_NAMES =
            Phrases.words("Ada|Adrian|Aisha|Alan|Alice|Amara|Amelia|Anders|Anna|Arjun|Beatrice|Benjamin|Camille|Carlos"
                    + "|Caroline|Chen|Clara|Daniel|David|Diego|Elena|Eliza|Emil|Emma|Erik|Fatima|Felix|Freya|Gabriel"
                    + "|Grace|Hannah|Hiroshi|Ines|Isaac|Isabel|Ivan|Jakob|James|Julia|Kai|Kenji|Laila|Laura|Leo|Lucas"
                    + "|Lucia|Maya|Marcus|Margaret|Mateo|Mei|Miriam|Nadia|Nathan|Nina|Noah|Olga|Oliver|Omar|Oscar"
                    + "|Priya|Rafael|Rosa|Ruth|Samuel|Sara|Sofia|Tariq|Thomas|Valentina|Victor|Yara|Yusuf|Zoe");

    private static final List<String> FAMILY_NAMES =
            Phrases.words("Abbott|Alvarez|Andersen|Baker|Bauer|Becker|Bennett|Bianchi|Brennan|Carter|Castillo|Chowdhury"
                    + "|Costa|Dubois|Duval|Eriksson|Evans|Fischer|Fitzgerald|Fontaine|Garcia|Gupta|Hall|Hansen|Hayes"
                    + "|Ibrahim|Ito|Jensen|Kaur|Keller|Kim|Kowalski|Larsen|Lopez|Mancini|Marsh|Moreau|Morgan|Nakamura"
                    + "|Novak|Nguyen|O'Brien|Okafor|Olsen|Park|Patel|Pereira|Petrov|Quinn|Ramos|Reyes|Rossi|Sato"
                    + "|Schmidt|Silva|Singh|Sorensen|Tanaka|Thornton|Torres|Varga|Vogel|Wagner|Walsh|Weber|Whitaker"
                    + "|Yamada|Young|Zhang");

    private PersonNames() {}

    /** Returns how many different names {@link #draw} can return. */
    static int distinctNames() {
        return GIVEN_NAMES.size() * FAMILY_NAMES.size();
    }

    /** Returns a name drawn from the lists, each combination as likely as the others. */
    static Name draw(SplittableRandom random) {
        return new Name(Phrases.pick(GIVEN_NAMES, random), Phrases.pick(FAMILY_NAMES, random));
    }
}
