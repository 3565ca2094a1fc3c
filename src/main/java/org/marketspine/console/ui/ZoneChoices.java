package org.marketspine.console.ui;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The zones a user can pick for displayed times: UTC, then every region zone (Area/City) the JDK
 * knows, once each — no aliases such as Etc/UTC, Z, GMT0 or US/Eastern beside the real ones.
 */
public final class ZoneChoices {
    private ZoneChoices() {}

    private static final Set<String> AREAS = Set.of("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic",
            "Australia", "Europe", "Indian", "Pacific");

    public static List<String> all() {
        TreeSet<String> regions = new TreeSet<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            int slash = id.indexOf('/');
            if (slash > 0 && AREAS.contains(id.substring(0, slash))) regions.add(id);
        }
        List<String> out = new ArrayList<>(regions.size() + 1);
        out.add("UTC");
        out.addAll(regions);
        return out;
    }

    /** The name a zone is listed (and shown) under: every spelling of UTC is "UTC". */
    public static String canonical(ZoneId zone) {
        ZoneId n = zone.normalized();
        if (n.equals(ZoneOffset.UTC) || zone.getId().equals("Etc/UTC") || zone.getId().equals("Etc/GMT")
                || zone.getId().equals("GMT") || zone.getId().equals("UCT") || zone.getId().equals("Etc/UCT")
                || zone.getId().equals("Zulu") || zone.getId().equals("Universal") || zone.getId().equals("Etc/Universal")) {
            return "UTC";
        }
        return zone.getId();
    }
}
