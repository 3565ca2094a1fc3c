package org.marketspine.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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
}
