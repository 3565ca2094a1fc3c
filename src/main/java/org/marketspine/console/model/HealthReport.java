package org.marketspine.console.model;

import java.util.List;

/** The overall health with its one-line reason and every finding behind it, worst first. */
public record HealthReport(HealthLevel level, String reason, List<Finding> findings) {
    public HealthReport {
        findings = List.copyOf(findings);
    }
}
