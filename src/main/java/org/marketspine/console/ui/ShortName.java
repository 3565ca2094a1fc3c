package org.marketspine.console.ui;

/** A dotted pipeline or dataset name as a screen with no room reads it: the last two parts. */
public final class ShortName {
    private ShortName() {}

    /** "finra.otc_transparency.normalized" reads "otc_transparency.normalized"; a name of one or two parts stays whole. */
    public static String of(String dotted) {
        int last = dotted.lastIndexOf('.');
        int before = last <= 0 ? -1 : dotted.lastIndexOf('.', last - 1);
        return before < 0 ? dotted : dotted.substring(before + 1);
    }
}
