package org.marketspine.console.feed.source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marketspine.console.model.FinraCalendar;

/**
 * The demo's symbols: a fixed, seeded universe per tier (about 2,800 to 8,200 symbols), of which
 * each week's file holds all but a small, seeded few; a FINRA revision restores some of them.
 * Nothing is stored: membership is a hash, so any week and revision can be asked for.
 */
final class SymbolUniverse {
    private static final Map<String, Integer> SIZE = Map.of(
            FinraCalendar.NMS_TIER_1, 2_800, FinraCalendar.NMS_TIER_2, 5_100, FinraCalendar.OTC, 8_200);
    /** Per mille of a tier's symbols absent from a given week's first file. */
    private static final int ABSENT_PER_MILLE = 12;

    private final long seed;
    private final Map<String, List<String>> symbolsByTier = new HashMap<>();
    private final Map<String, int[]> indexBySymbol = new HashMap<>();

    SymbolUniverse(long seed) {
        this.seed = seed;
        int tierNo = 0;
        for (String tier : FinraCalendar.TIERS) {
            List<String> symbols = new ArrayList<>();
            int n = SIZE.get(tier);
            for (int i = 0; symbols.size() < n; i++) {
                String symbol = ticker(tier, i);
                if (indexBySymbol.containsKey(symbol)) continue;
                indexBySymbol.put(symbol, new int[] {tierNo, symbols.size()});
                symbols.add(symbol);
            }
            symbolsByTier.put(tier, List.copyOf(symbols));
            tierNo++;
        }
    }

    private String ticker(String tier, int i) {
        long h = mix(seed ^ tier.hashCode() * 0x9E3779B97F4A7C15L ^ i);
        int length = tier.equals(FinraCalendar.OTC) ? 5 : 3 + (int) Math.floorMod(h, 2L);
        StringBuilder s = new StringBuilder(length);
        for (int k = 0; k < length; k++) {
            s.append((char) ('A' + Math.floorMod(h >>> (k * 5), 26L)));
        }
        return s.toString();
    }

    int size(String tier) {
        return SIZE.getOrDefault(tier, 0);
    }

    List<String> all(String tier) {
        return symbolsByTier.getOrDefault(tier, List.of());
    }

    /** The tier a symbol belongs to, or null if the universe has no such symbol. */
    String tierOf(String symbol) {
        int[] at = indexBySymbol.get(symbol);
        return at == null ? null : FinraCalendar.TIERS.get(at[0]);
    }

    boolean contains(String tier, LocalDate week, int revision, String symbol) {
        int[] at = indexBySymbol.get(symbol);
        if (at == null || !FinraCalendar.TIERS.get(at[0]).equals(tier)) return false;
        return present(tier, week, revision, at[1]);
    }

    private boolean present(String tier, LocalDate week, int revision, int index) {
        long h = mix(seed * 31 + tier.hashCode() * 7919L + week.toEpochDay() * 104_729L + index);
        if (Math.floorMod(h, 1000L) >= ABSENT_PER_MILLE) return true;
        // A revision (late submissions) brings back about half of the absent symbols.
        return revision > 0 && Math.floorMod(mix(h + revision), 2L) == 0;
    }

    List<String> symbols(String tier, LocalDate week, int revision) {
        List<String> all = all(tier);
        List<String> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) if (present(tier, week, revision, i)) out.add(all.get(i));
        return out;
    }

    int count(String tier, LocalDate week, int revision) {
        int n = 0;
        for (int i = 0; i < size(tier); i++) if (present(tier, week, revision, i)) n++;
        return n;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
