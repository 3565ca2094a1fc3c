package org.marketspine.console.model;

/** One reason behind a health level, phrased for the operator. */
public record Finding(HealthLevel level, String area, String message) {}
