package io.tickscope.server.store;

import static io.tickscope.server.store.Phrases.words;
import static java.util.Objects.requireNonNull;

import io.tickscope.server.recommendation.BookCategory;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Titles and blurbs for made-up books, from word lists and patterns of each category, such as "Death at Fenwick
 * Manor" for a mystery.
 */
final class BookTexts {

    /** What a book is called and what its back cover says. */
    record BookText(String title, String description) {}

    /**
     * How books of one category are named and described: title patterns and opening sentences whose {@code
     * {slots}} are filled from {@code words}, and closing sentences that a blurb adds half the time.
     */
    private record Vocabulary(
            List<String> titlePatterns,
            List<String> openingPatterns,
            List<String> closings,
            Map<String, List<String>> words) {}

    private static final Map<BookCategory, Vocabulary> VOCABULARIES = new EnumMap<>(Map.of(
            BookCategory.FICTION,
            new Vocabulary(
                    List.of(
                            "The {adjective} {noun}",
                            "{noun} of {place}",
                            "A {adjective} {noun}",
                            "The {noun} at {place}",
                            "After the {noun}",
                            "What the {noun} Knew"),
                    List.of(
                            "Three sisters return to {place} to sell the house they grew up in, and find they cannot.",
                            "A widowed schoolteacher in {place} begins writing letters to a stranger.",
                            "Over one long summer in {place}, two families are bound together by a single lie.",
                            "A young cellist arrives in {place} with a borrowed instrument and a name not her own.",
                            "When the river floods {place}, an old quarrel between neighbours comes to the surface.",
                            "A retired ferryman from {place} sets out to keep a promise he made forty years ago."),
                    List.of(
                            "A tender, funny novel about what we owe the people we love.",
                            "Told in alternating voices across four decades.",
                            "The long-awaited second novel from a prize-winning author.",
                            "A story of grief, forgiveness and second chances.",
                            "Quietly devastating and full of light."),
                    Map.of(
                            "adjective",
                            words("Quiet|Long|Hidden|Last|Burning|Silver|Distant|Broken|Golden|Winter|Summer"
                                    + "|Wandering|Borrowed|Salt|Paper|Lost"),
                            "noun",
                            words("Garden|River|House|Letters|Orchard|Daughters|Harbour|Lighthouse|Promise|Season"
                                    + "|Bridge|Silence|Inheritance|Tide|Island|Weather"),
                            "place",
                            words("Larkhaven|Marrow Bay|the Valley|Brightwater|Saint Elmo Street|the Old Quarter"
                                    + "|Kestrel Point|Ashford|Willowmere|Port Agnes"))),
            BookCategory.SCIENCE_FICTION,
            new Vocabulary(
                    List.of(
                            "{noun} of the {cosmic}",
                            "The {adjective} {cosmic}",
                            "Beyond the {cosmic}",
                            "The {cosmic} Protocol",
                            "The Last {noun}",
                            "The {adjective} {noun}"),
                    List.of(
                            "The crew of a mining ship near {place} receive a signal that should not exist.",
                            "In a future where memories are traded, a courier on {place} loses her own.",
                            "The last city on {place} runs on an artificial mind that has started to dream.",
                            "A linguist is sent to {place} to talk to something that has no words.",
                            "Two hundred years out from {place}, a generation ship finds it is not alone.",
                            "An engineer on {place} discovers the terraforming was never meant for humans."),
                    List.of(
                            "A hard science fiction thriller with a beating heart.",
                            "The first book of a sweeping space opera.",
                            "Big ideas, sharp characters and a twist you will not see coming.",
                            "From an award-winning voice in speculative fiction.",
                            "For readers who love first-contact stories."),
                    Map.of(
                            "adjective",
                            words("Hollow|Iron|Silent|Red|Infinite|Fractured|Drifting|Ninth|Binary|Frozen"
                                    + "|Shattered|Crimson|Quantum|Sleeping"),
                            "noun",
                            words("Orbit|Signal|Colony|Engine|Archive|Harvest|Relay|Station|Machine|Frontier"
                                    + "|Empire|Exodus|Ark|Cartographer"),
                            "cosmic",
                            words("Stars|Void|Nebula|Moon|Horizon|Singularity|Ring|Sun|Deep|Belt|Comet|Eclipse"),
                            "place",
                            words("Titan|Europa|Mars|Ganymede|the outer belt|the Kepler colonies|Proxima b"))),
            BookCategory.MYSTERY,
            new Vocabulary(
                    List.of(
                            "Death at {place}",
                            "The {adjective} {clue}",
                            "Murder on the {vehicle}",
                            "A {clue} for the Inspector",
                            "The {clue} at {place}",
                            "The Case of the {adjective} {clue}"),
                    List.of(
                            "When a guest is found dead at {place}, the inspector has one night to find the killer.",
                            "A bookseller finds a coded letter from {place} hidden in a second-hand novel.",
                            "Six strangers are snowed in at {place}, and one of them is lying.",
                            "A retired detective is drawn back to {place} by the case she never solved.",
                            "The heir to a fortune vanishes from {place} the night before his wedding.",
                            "A junior reporter notices that every victim in {place} wore the same ring."),
                    List.of(
                            "A classic whodunit with a modern edge.",
                            "The third case for the series' much-loved detective.",
                            "Fair-play clues and a final chapter you will read twice.",
                            "Atmospheric, twisting and impossible to put down.",
                            "A locked-room puzzle in the golden-age tradition."),
                    Map.of(
                            "adjective",
                            words("Missing|Crooked|Poisoned|Silent|Scarlet|Hollow|Midnight|Vanishing|Second"
                                    + "|Locked|Drowned|Borrowed|Ninth|Gilded"),
                            "clue",
                            words("Key|Letter|Witness|Pearl|Footprint|Alibi|Ledger|Portrait|Clock|Will|Glove"
                                    + "|Telegram|Cipher|Locket"),
                            "vehicle",
                            words("Night Ferry|Northern Express|Riverboat|Last Tram|Sleeper Train|Mail Coach"),
                            "place",
                            words("Hawthorne Hall|Blackwater|Fenwick Manor|the Grand Hotel|Kingsbridge|Gull Island"
                                    + "|Ravensmoor|Saltcombe|the Abbey|Greywell Lodge|Marlow Quay|the Old Vicarage"))),
            BookCategory.HISTORY,
            new Vocabulary(
                    List.of(
                            "The {adjective} {subject}",
                            "The Fall of {realm}",
                            "A History of {topic}",
                            "{realm}: The {adjective} Years",
                            "The {subject} of {realm}",
                            "{topic} and {subject}"),
                    List.of(
                            "From its rise to its collapse, the story of {realm} told through ordinary lives.",
                            "A sweeping account of {realm}, drawing on newly opened archives.",
                            "A vivid portrait of everyday life in {realm}.",
                            "How {realm} traded, fought and prayed, and what it left behind.",
                            "The untold story of the merchants and sailors who made {realm} rich."),
                    List.of(
                            "Authoritative, readable and full of surprising detail.",
                            "Illustrated with maps and contemporary sources.",
                            "A landmark work by one of the field's leading historians.",
                            "Shortlisted for a major non-fiction prize."),
                    Map.of(
                            "adjective",
                            words("Long|Forgotten|Golden|Bitter|Last|Silent|Great|First|Iron|Restless|Hungry"
                                    + "|Burning"),
                            "subject",
                            words("Empire|Republic|Crown|Revolution|Frontier|Kingdoms|Merchants|Pilgrims"
                                    + "|Century|Conquest|Navigators|Cities"),
                            "realm",
                            words("Rome|Byzantium|Venice|the Mughal Empire|the Hanseatic League|Carthage|Ming China"
                                    + "|the Inca Empire|Prussia|Kyivan Rus'|Mali|Genoa"),
                            "topic",
                            words("Salt|the Atlantic|Bread|Maps|the Silk Roads|Timekeeping|Printing|the Plague"
                                    + "|Coffee|Sail|Spices|Silver"))),
            BookCategory.SCIENCE,
            new Vocabulary(
                    List.of(
                            "The {adjective} {subject}",
                            "Why the {subject} Matters",
                            "The Secret Lives of {things}",
                            "The {adjective} Science of {things}",
                            "The Science of {things}",
                            "{things} and Everything Else"),
                    List.of(
                            "A leading researcher explains how {field} is changing what we know about ourselves.",
                            "From the smallest particles to the largest galaxies, a tour of modern {field}.",
                            "The surprising story of the people who built {field}, one experiment at a time.",
                            "An accessible guide to the ideas behind {field}, no equations required.",
                            "What {field} can and cannot tell us, explained with wit and care."),
                    List.of(
                            "Clear, witty and full of wonder.",
                            "Science writing at its best.",
                            "Essential reading for the curious.",
                            "With illustrations and a guide to further reading."),
                    Map.of(
                            "adjective",
                            words("Elegant|Invisible|Restless|Living|Quantum|Strange|Hidden|Unfinished|Wild"
                                    + "|Ordinary|Curious|Beautiful"),
                            "subject",
                            words("Universe|Genome|Brain|Ocean|Atom|Cell|Forest|Climate|Planet|Equation|Microbe"
                                    + "|Moon"),
                            "things",
                            words("Trees|Fungi|Bees|Stars|Sleep|Light|Water|Rocks|Viruses|Numbers|Clouds|Crystals"),
                            "field",
                            words("physics|genetics|ecology|neuroscience|astronomy|chemistry|evolutionary biology"
                                    + "|climate science"))),
            BookCategory.BUSINESS,
            new Vocabulary(
                    List.of(
                            "The {adjective} {noun}",
                            "{verb} the {arena}",
                            "{number} Rules of {practice}",
                            "The {practice} Playbook",
                            "{adjective} {practice}",
                            "{adjective} by Design"),
                    List.of(
                            "A practical guide to {topic} for managers at every level.",
                            "Drawing on hundreds of interviews, the author shows what great {topic} looks like.",
                            "Why the best teams argue more, meet less and get {topic} right.",
                            "A veteran investor explains how patience beats cleverness in {topic}.",
                            "How small companies out-think larger rivals at {topic} without outspending them."),
                    List.of(
                            "Full of case studies and concrete tools.",
                            "A modern business classic.",
                            "Short, sharp and immediately useful.",
                            "Required reading for anyone who leads people."),
                    Map.of(
                            "adjective",
                            words("Lean|Resilient|Patient|Fearless|Frugal|Agile|Curious|Quiet|Compound|Generous"
                                    + "|Radical|Honest"),
                            "noun",
                            words("Company|Leader|Founder|Advantage|Organisation|Strategy|Negotiator|Investor"
                                    + "|Manager|Team|Partnership|Startup"),
                            "verb",
                            words("Winning|Building|Leading|Rethinking|Scaling|Reinventing|Owning|Growing"),
                            "arena",
                            words("Market|Middle|Long Game|Future|Customer|Room|Network|Category"),
                            "number",
                            words("Five|Seven|Ten|Twelve|Twenty"),
                            "practice",
                            words("Negotiation|Leadership|Pricing|Hiring|Management|Investing|Strategy|Sales"),
                            "topic",
                            words("negotiation|leadership|pricing|hiring|management|investing|strategy|sales"))),
            BookCategory.TECHNOLOGY,
            new Vocabulary(
                    List.of(
                            "{tech} in Practice",
                            "Designing {system}",
                            "The {adjective} Programmer",
                            "{adjective} {tech}",
                            "{system} at Scale",
                            "The Art of {activity}"),
                    List.of(
                            "A hands-on guide to {topic} for working developers.",
                            "Learn how {topic} keeps large systems fast and correct as they grow.",
                            "Step-by-step examples take you from first principles to production-ready {topic}.",
                            "Engineers behind large production systems share what {topic} taught them the hard way.",
                            "A clear introduction to {topic}, with exercises at the end of each chapter."),
                    List.of(
                            "Updated for the latest tools and practices.",
                            "Includes downloadable source code.",
                            "For beginners and seasoned engineers alike.",
                            "A reference you will keep on your desk."),
                    Map.of(
                            "tech",
                            words("Rust|Kotlin|Distributed Systems|Machine Learning|Kubernetes|SQL"
                                    + "|Functional Programming|Cryptography|TypeScript|Networking|Go|Java"),
                            "system",
                            words("Data-Intensive Systems|Reliable Services|APIs|Event Pipelines|Search Engines"
                                    + "|Compilers|Databases|Streaming Systems"),
                            "adjective",
                            words("Pragmatic|Effective|Productive|Working|Thoughtful|Resilient|Modern|Practical"),
                            "activity",
                            words("Debugging|Refactoring|Code Review|System Design|Testing|Performance Tuning"),
                            "topic",
                            words("distributed systems|machine learning|database internals|concurrency"
                                    + "|cryptography|compilers|observability|API design"))),
            BookCategory.BIOGRAPHY,
            new Vocabulary(
                    List.of(
                            "{person}: A Life",
                            "The {adjective} Life of {person}",
                            "{person} and the {thing}",
                            "Becoming {person}",
                            "The Last Days of {person}",
                            "{person}: The {adjective} Years"),
                    List.of(
                            "The definitive biography of {person}, drawn from letters and diaries never published.",
                            "How {person} rose from obscurity to change the world, and what it cost.",
                            "An intimate portrait of {person}, told through the people who knew them best.",
                            "A fresh look at the life and work of {person}."),
                    List.of(
                            "Meticulously researched and beautifully written.",
                            "With sixteen pages of photographs.",
                            "A portrait of a genius and of an age.",
                            "Moving, surprising and deeply human."),
                    Map.of(
                            "person",
                            words("Ada Lovelace|Marie Curie|Nikola Tesla|Frida Kahlo|Ibn Battuta|Hokusai"
                                    + "|Florence Nightingale|Charles Darwin|Amelia Earhart|Alan Turing"
                                    + "|Rosalind Franklin|Mary Seacole|Emmy Noether|Srinivasa Ramanujan"
                                    + "|Hedy Lamarr|Zheng He"),
                            "adjective",
                            words("Restless|Brilliant|Secret|Unquiet|Remarkable|Early|Wandering|Final|Private"
                                    + "|Fearless"),
                            "thing",
                            words("Machine|Storm|Sea|Century|Equation|Voyage|Experiment|Map|Laboratory")))));

    private BookTexts() {}

    /** Returns a title and a one- or two-sentence blurb for a book of {@code category}. */
    static BookText draw(BookCategory category, SplittableRandom random) {
        // VOCABULARIES has an entry for every category.
        Vocabulary vocabulary = requireNonNull(VOCABULARIES.get(category), "vocabulary of " + category);
        // Filled in order, title first, so the same random stream always picks the same words.
        Map<String, String> chosen = new HashMap<>();
        String title =
                Phrases.fill(Phrases.pick(vocabulary.titlePatterns(), random), vocabulary.words(), chosen, random);
        String opening =
                Phrases.fill(Phrases.pick(vocabulary.openingPatterns(), random), vocabulary.words(), chosen, random);
        String description =
                random.nextBoolean() ? opening + ' ' + Phrases.pick(vocabulary.closings(), random) : opening;
        return new BookText(title, description);
    }
}
