package io.tickscope.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers as STYLE.md draws them, for every desktop package present and future: view-models hold state
 * without nodes, the model knows nothing but the JDK and the shared module, only the rpc and connection
 * packages (and the composition root that wires them) know gRPC, the generated stubs or the embedded server,
 * and the shared module stays free of UI and server frameworks.
 */
@AnalyzeClasses(
        packages = {"io.tickscope.desktop", "io.tickscope.shared"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String DESKTOP = "io.tickscope.desktop..";
    /** The composition root. */
    private static final String COMPOSITION_ROOT = "io.tickscope.desktop.app..";

    @ArchTest
    static final ArchRule modelsDoNotTouchNodes = classes()
            .that()
            .resideInAPackage(DESKTOP)
            .and()
            .haveNameMatching(".*Model(\\$.*)?")
            .should()
            .onlyDependOnClassesThat()
            .resideOutsideOfPackage("javafx.scene..")
            .because("view-models hold state and commands; nodes belong to views, and models are tested without a"
                    + " toolkit");

    @ArchTest
    static final ArchRule modelKnowsOnlyTheJdkAndTheSharedModule = classes()
            .that()
            .resideInAPackage("..desktop.model..")
            .should()
            .onlyDependOnClassesThat()
            // JSpecify's annotations only say where null is allowed; nothing runs on them.
            .resideInAnyPackage("java..", "io.tickscope.desktop.model..", "io.tickscope.shared..", "org.jspecify..")
            .because("the records and enums views, view-models and clients share are plain data: no gRPC, no"
                    + " generated messages, no JavaFX");

    @ArchTest
    static final ArchRule plumbingKnowsNoJavaFx = noClasses()
            .that()
            .resideInAnyPackage(
                    "..desktop.model..", "..desktop.rpc..", "..desktop.connection..", "..desktop.settings..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("javafx..")
            .because("clients, the channel and the settings file work the same under any UI");

    @ArchTest
    static final ArchRule uiSeamHasNoNodes = noClasses()
            .that()
            .resideInAPackage("..desktop.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("javafx.scene..")
            .because("the UI thread seam is what view-models see");

    @ArchTest
    static final ArchRule onlyRpcAndConnectionKnowGrpc = noClasses()
            .that()
            .resideInAPackage(DESKTOP)
            .and()
            .resideOutsideOfPackages(
                    "..desktop.rpc..", "..desktop.connection..", "..desktop.explorer.call..", COMPOSITION_ROOT)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.grpc..", "io.tickscope.api..")
            .because("views and view-models see plain listeners, futures and records, never stubs, observers or"
                    + " generated messages");

    @ArchTest
    static final ArchRule explorerCallsKnowNoContract = noClasses()
            .that()
            .resideInAPackage("..desktop.explorer..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.tickscope.api..")
            .because("the Explorer calls any server through descriptors it discovers; the built-in contract reaches"
                    + " it only as descriptors, for the drift check");

    @ArchTest
    static final ArchRule explorerPlumbingKnowsNoJavaFx = noClasses()
            .that()
            .resideInAnyPackage(
                    "..desktop.explorer.call..",
                    "..desktop.explorer.schema..",
                    "..desktop.explorer.saved..",
                    "..desktop.explorer.command..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("javafx..")
            .because("the Explorer's calls, descriptors, files and command lines work the same under any UI");

    @ArchTest
    static final ArchRule onlyConnectionStartsTheServer = noClasses()
            .that()
            .resideInAPackage(DESKTOP)
            .and()
            .resideOutsideOfPackages("..desktop.connection..", COMPOSITION_ROOT)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.tickscope.server..", "com.linecorp.armeria..")
            .because("the embedded server is one way to get an address, nothing more");

    @ArchTest
    static final ArchRule sharedCodeKnowsNeitherUiNorServer = noClasses()
            .that()
            .resideInAPackage("io.tickscope.shared..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "com.linecorp.armeria..")
            .because("src-shared is used by both sides");
}
