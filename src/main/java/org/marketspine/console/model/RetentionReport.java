package org.marketspine.console.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.marketspine.console.protocol.EventData.RetentionPurged;
import org.marketspine.console.protocol.EventData.SourceDeclared;

/**
 * "Is retention enforced? Are we using licensed data correctly?": per declared source its
 * license, permitted uses and retention, the partitions still held past it, and every purge.
 */
public record RetentionReport(List<Source> sources, List<Fact<RetentionPurged>> purges) {

    /** A source (its name is the dataset it feeds) and the partitions held past its retention. */
    public record Source(SourceDeclared declared, Instant declaredAt, LocalDate cutoff, List<PartitionKey> pastRetention,
                         int partitionsHeld) {}

    public static RetentionReport of(PlatformState s, Instant now) {
        Set<PartitionKey> purged = new HashSet<>();
        for (Fact<RetentionPurged> f : s.purges()) {
            RetentionPurged p = f.data();
            purged.add(new PartitionKey(p.dataset(), p.tier(), p.weekEnding()));
        }
        List<Source> sources = new ArrayList<>();
        for (Fact<SourceDeclared> f : s.sources().values()) {
            SourceDeclared d = f.data();
            LocalDate cutoff = now.minus(Duration.ofDays(d.retentionDays())).atZone(ZoneOffset.UTC).toLocalDate();
            List<PartitionKey> past = new ArrayList<>();
            int held = 0;
            for (PartitionKey k : s.currentCaptures().keySet()) {
                if (!k.dataset().equals(d.source()) || purged.contains(k)) continue;
                held++;
                if (k.weekEnding().isBefore(cutoff)) past.add(k);
            }
            past.sort(null);
            sources.add(new Source(d, f.at(), cutoff, List.copyOf(past), held));
        }
        sources.sort(Comparator.comparing(x -> x.declared().source()));
        List<Fact<RetentionPurged>> purges = new ArrayList<>(s.purges());
        purges.sort(Comparator.comparing((Fact<RetentionPurged> f) -> f.at()).reversed());
        return new RetentionReport(List.copyOf(sources), List.copyOf(purges));
    }
}
