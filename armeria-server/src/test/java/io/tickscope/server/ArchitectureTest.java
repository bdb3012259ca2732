package io.tickscope.server;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The server's layers, for every package present and future: the domain ({@code pricing}, {@code recommendation},
 * {@code user} and their {@code error}s) is plain Java that knows no transport, no contract and no storage;
 * {@code grpc} is the one adapter that maps between the domain and the contract's messages.
 */
@AnalyzeClasses(packages = "io.tickscope.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOMAIN = {
        "io.tickscope.server.pricing..",
        "io.tickscope.server.recommendation..",
        "io.tickscope.server.user..",
        "io.tickscope.server.error.."
    };
    private static final String GENERATED_CONTRACT = "io.tickscope.api..";
    private static final String STORE = "io.tickscope.server.store..";

    @ArchTest
    static final ArchRule domainKnowsNoTransportContractOrStore = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.grpc..",
                    "com.linecorp.armeria..",
                    "io.netty..",
                    "com.google.protobuf..",
                    GENERATED_CONTRACT,
                    STORE,
                    "io.nats..",
                    "java.sql..",
                    "org.jdbi..",
                    "com.zaxxer..",
                    "org.flywaydb..")
            .because("a new transport, store or broker adds an adapter package and leaves the domain as it is");

    @ArchTest
    static final ArchRule domainDependsOnNoOuterLayer = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.tickscope.server",
                    "io.tickscope.server.grpc..",
                    "io.tickscope.server.limits..",
                    "io.tickscope.server.security..",
                    "io.tickscope.server.backend..",
                    "io.tickscope.server.cluster..")
            .because("the layers point inwards: adapters, limits and wiring use the domain, never the reverse");

    /**
     * The contract's messages, enums and service bases live in {@code grpc}'s adapters only. {@code limits} and
     * {@code security} key their per-method policies by full method name, which they take from the generated
     * service descriptors ({@code XxxServiceGrpc.getXxxMethod()}) so that a renamed method fails to compile.
     */
    @ArchTest
    static final ArchRule onlyGrpcMapsToTheContract = noClasses()
            .that()
            .resideInAPackage("io.tickscope.server..")
            .and()
            .resideOutsideOfPackage("io.tickscope.server.grpc..")
            .should()
            .dependOnClassesThat(resideInAPackage(GENERATED_CONTRACT).and(not(simpleNameEndingWith("Grpc"))))
            .because("requests and results are mapped to and from the contract in one place");
}
