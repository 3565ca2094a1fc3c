package org.marketspine.console.ui;

/** JavaFX settings the console needs before the toolkit starts, whoever starts it (the app, a snapshot, a benchmark). */
public final class ToolkitSettings {
    /**
     * Characters of text whose layout JavaFX keeps (Prism's default: 65,536). It keeps the layout of
     * every distinct short text it lays out until that many characters are cached, then drops them
     * all. On the wall, whose ages, counts and sequence numbers keep changing, that was ~2,000
     * characters and ~60 KB more a simulated day in the 30-day soak (P10; class histograms of day 9
     * and day 29): a month of growth, ~2 MB, before the first drop. At 4,096 it is dropped every
     * two days or so and stays near 130 KB; laying a label out again costs microseconds.
     */
    static final int TEXT_LAYOUT_CACHE_CHARS = 4_096;

    private ToolkitSettings() {}

    /** Sets what the user has not set on the command line. Call before {@code Platform.startup} or {@code Application.launch}. */
    public static void apply() {
        if (System.getProperty("prism.cacheLayoutSize") == null) {
            System.setProperty("prism.cacheLayoutSize", Integer.toString(TEXT_LAYOUT_CACHE_CHARS));
        }
    }
}
