package io.tickscope.server.store;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The kinds of product the shop sells, by department, with the words their names are built from and the
 * range their prices fall in, such as "Aurora Ceramic Mug 350 ml" for 8 to 28 US dollars.
 */
final class ProductKinds {

    /**
     * One kind of product: named "{brand} {qualifier} {noun} {variant}" and priced from {@code minUsdCents} to
     * {@code maxUsdCents}.
     */
    record Kind(String noun, List<String> qualifiers, List<String> variants, long minUsdCents, long maxUsdCents) {

        /** Returns a name for one product of this kind. */
        String name(SplittableRandom random) {
            return String.join(
                    " ",
                    Phrases.pick(BRANDS, random),
                    Phrases.pick(qualifiers, random),
                    noun,
                    Phrases.pick(variants, random));
        }
    }

    private static final List<String> BRANDS = Phrases.words(
            "Alder|Aurora|Bluefin|Bramble|Brightwell|Cobalt|Copperleaf|Driftwood|Ember|Fjord|Foxglove|Halcyon"
                    + "|Harbor|Ironbark|Juniper|Kestrel|Larkspur|Lumen|Meridian|Mistral|Nordvik|Northstar|Oakhurst"
                    + "|Pinecrest|Redwood|Saltmarsh|Summit|Thistle|Tidewater|Vantage|Willow|Zephyr|Arbor|Basalt"
                    + "|Canopy|Cedarline|Corvid|Dune|Elmstead|Fernhill|Glacier|Granite|Heron|Holloway|Indigo"
                    + "|Kiln|Lattice|Linden|Marlin|Moorland|Nimbus|Orchard|Pebble|Quill|Rowan|Sable|Sorrel"
                    + "|Solstice|Tamarack|Umber|Verdant|Wren|Yarrow|Beacon");

    private static final List<List<Kind>> DEPARTMENTS = List.of(
            // Kitchen
            List.of(
                    kind("Mug", "Ceramic|Stoneware|Enamel|Porcelain|Insulated", "250 ml|350 ml|450 ml", 8, 28),
                    kind("Chef's Knife", "Carbon Steel|Damascus|Stainless|Forged", "16 cm|20 cm|24 cm", 25, 180),
                    kind("Skillet", "Cast Iron|Carbon Steel|Nonstick|Tri-Ply", "20 cm|26 cm|30 cm", 20, 140),
                    kind("Kettle", "Electric|Stovetop|Gooseneck|Glass", "1.0 l|1.5 l|1.7 l", 25, 120),
                    kind("Cutting Board", "Walnut|Bamboo|Maple|Olive Wood", "30 x 20 cm|40 x 30 cm|50 x 35 cm", 15, 90),
                    kind("Dutch Oven", "Enamelled|Cast Iron|Ceramic", "3.8 l|5.5 l|6.7 l", 60, 350)),
            // Electronics
            List.of(
                    kind("Wireless Earbuds", "Noise-Cancelling|Sport|Compact|Studio", "Gen 2|Gen 3|Pro", 30, 280),
                    kind("USB-C Charger", "GaN|Dual-Port|Travel|Desktop", "30 W|65 W|100 W|140 W", 15, 90),
                    kind("Bluetooth Speaker", "Waterproof|Portable|Bookshelf|Outdoor", "10 W|20 W|40 W", 30, 250),
                    kind("Monitor", "IPS|4K|Curved|Portable", "24 in|27 in|32 in", 150, 700),
                    kind(
                            "Mechanical Keyboard",
                            "Wireless|Low-Profile|Tenkeyless|Compact",
                            "Brown Switches|Red Switches|Blue Switches",
                            60,
                            220),
                    kind("Power Bank", "Slim|Rugged|Fast-Charge|Solar", "5000 mAh|10000 mAh|20000 mAh", 20, 80)),
            // Books
            List.of(
                    kind(
                            "Cookbook",
                            "Illustrated|Hardcover|Seasonal|Vegetarian",
                            "240 pages|320 pages|480 pages",
                            15,
                            45),
                    kind(
                            "World Atlas",
                            "Hardcover|Pocket|Illustrated|Children's",
                            "Second Edition|Third Edition|Deluxe Edition",
                            12,
                            80),
                    kind(
                            "Field Guide",
                            "Birdwatcher's|Wildflower|Mushroom|Tree",
                            "Paperback|Waterproof Edition|Pocket Edition",
                            10,
                            35),
                    kind("Puzzle Book", "Crossword|Sudoku|Logic|Cryptic", "Volume 1|Volume 2|Volume 3", 6, 18),
                    kind("Travel Guide", "City|Coastal|Mountain|Rail", "2026 Edition|2027 Edition", 12, 30)),
            // Garden
            List.of(
                    kind("Pruning Shears", "Bypass|Anvil|Ratchet|Compact", "18 cm|20 cm|23 cm", 15, 60),
                    kind("Garden Hose", "Expandable|Rubber|Kink-Free|Lightweight", "15 m|25 m|30 m", 25, 110),
                    kind("Planter", "Terracotta|Glazed Ceramic|Recycled|Self-Watering", "20 cm|30 cm|45 cm", 10, 120),
                    kind("Watering Can", "Galvanised|Copper|Indoor|Long-Spout", "2 l|5 l|9 l", 15, 70),
                    kind("Bird Feeder", "Hanging|Window|Cedar|Squirrel-Proof", "Small|Large|Twin", 12, 65),
                    kind(
                            "Raised Bed",
                            "Cedar|Galvanised Steel|Larch|Modular",
                            "90 x 60 cm|120 x 60 cm|180 x 90 cm",
                            50,
                            300)),
            // Toys
            List.of(
                    kind(
                            "Building Blocks",
                            "Wooden|Magnetic|Classic|Architect",
                            "50 Pieces|120 Pieces|300 Pieces",
                            15,
                            90),
                    kind(
                            "Jigsaw Puzzle",
                            "Landscape|World Map|Wildlife|Night Sky",
                            "500 Pieces|1000 Pieces|2000 Pieces",
                            12,
                            35),
                    kind("Plush Bear", "Soft|Organic Cotton|Vintage|Sleepy", "25 cm|40 cm|60 cm", 12, 45),
                    kind("Remote Control Car", "Off-Road|Racing|Rock Crawler|Drift", "1:16|1:12|1:10", 30, 150),
                    kind("Kite", "Delta|Box|Stunt|Rainbow", "90 cm|120 cm|180 cm", 10, 60),
                    kind(
                            "Board Game",
                            "Strategy|Family|Cooperative|Party",
                            "2-4 Players|2-6 Players|3-8 Players",
                            20,
                            70)),
            // Office
            List.of(
                    kind("Notebook", "Dotted|Lined|Grid|Plain", "A5|A4|Pocket", 6, 30),
                    kind("Fountain Pen", "Steel Nib|Gold Nib|Demonstrator|Pocket", "Fine|Medium|Broad", 15, 250),
                    kind("Desk Lamp", "LED|Architect|Clamp|Dimmable", "Black|White|Brass", 25, 160),
                    kind("Office Chair", "Ergonomic|Mesh|Task|Executive", "Grey|Black|Blue", 120, 800),
                    kind("Stapler", "Heavy-Duty|Compact|Long-Reach|Electric", "20 Sheets|50 Sheets|100 Sheets", 8, 60),
                    kind(
                            "Desk Organiser",
                            "Bamboo|Steel Mesh|Walnut|Felt",
                            "3 Compartments|5 Compartments|7 Compartments",
                            12,
                            55)));

    private ProductKinds() {}

    /** Returns a kind of product: a department first, each as likely, then one of its kinds. */
    static Kind draw(SplittableRandom random) {
        return Phrases.pick(Phrases.pick(DEPARTMENTS, random), random);
    }

    /** Returns the kind named from {@code "|"}-separated qualifiers and variants, priced in whole dollars. */
    private static Kind kind(String noun, String qualifiers, String variants, long minUsd, long maxUsd) {
        return new Kind(noun, Phrases.words(qualifiers), Phrases.words(variants), minUsd * 100, maxUsd * 100);
    }
}
