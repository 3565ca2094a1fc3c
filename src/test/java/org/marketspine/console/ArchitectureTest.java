package org.marketspine.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import javafx.application.Platform;

@AnalyzeClasses(packages = "org.marketspine.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule noJavaFxOutsideUi = noClasses().that().resideOutsideOfPackage("..console.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule modelStandsAlone = noClasses().that().resideInAnyPackage("..console.model..", "..console.protocol..")
            .should().dependOnClassesThat().resideInAnyPackage("..console.feed..", "..console.cli..", "..console.bench..");

    @ArchTest
    static final ArchRule serverAndSourcesDoNotKnowEachOther = noClasses().that().resideInAPackage("..feed.server..")
            .should().dependOnClassesThat().resideInAPackage("..feed.source..");

    @ArchTest
    static final ArchRule healthImportsNoOtherWorkspace = noClasses().that().resideInAPackage("..console.ui.health..")
            .should().dependOnClassesThat().resideInAnyPackage("..console.ui.readiness..", "..console.ui.lineage..");

    @ArchTest
    static final ArchRule readinessImportsNoOtherWorkspace = noClasses().that().resideInAPackage("..console.ui.readiness..")
            .should().dependOnClassesThat().resideInAnyPackage("..console.ui.health..", "..console.ui.lineage..");

    @ArchTest
    static final ArchRule lineageImportsNoOtherWorkspace = noClasses().that().resideInAPackage("..console.ui.lineage..")
            .should().dependOnClassesThat().resideInAnyPackage("..console.ui.health..", "..console.ui.readiness..");

    /** Benchmarks sit on top: product code never imports them (only the `bench` command starts them). */
    @ArchTest
    static final ArchRule productCodeNeverImportsBenchmarks = noClasses().that().resideOutsideOfPackages("..console.bench..", "..console.ui.bench..")
            .and().doNotHaveFullyQualifiedName("org.marketspine.console.cli.BenchCommand")
            .should().dependOnClassesThat().resideInAnyPackage("..console.bench..", "..console.ui.bench..");

    /** The feed side knows nothing of the console's screens. */
    @ArchTest
    static final ArchRule feedKnowsNoUi = noClasses().that().resideInAnyPackage("..console.feed..", "..console.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("..console.ui..");

    /** One hop onto the FX thread: only the publisher calls Platform.runLater. */
    @ArchTest
    static final ArchRule oneHopOntoTheFxThread = noClasses().that().doNotHaveFullyQualifiedName(
                    "org.marketspine.console.ui.StatePublisher")
            .should().callMethod(Platform.class, "runLater", Runnable.class);
}
