package dev.roadwarrior;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module layer rules of STYLE.md §7.2, checked over the production classes of every module. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.roadwarrior");
    }

    @Test
    void engineUsesOnlyTheJdkAndCrypto() {
        noClasses().that().resideInAPackage("dev.roadwarrior.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "com.sun.jna..", "com.fasterxml..", "picocli..",
                        "dev.roadwarrior.profiles..", "dev.roadwarrior.platform..",
                        "dev.roadwarrior.cli..", "dev.roadwarrior.ui..", "dev.roadwarrior.daemon..",
                        "dev.roadwarrior.ipc..")
                .check(classes);
    }

    @Test
    void onlyTheEngineRuntimeUsesSocketsAndThreads() {
        noClasses().that().resideInAPackage("dev.roadwarrior.engine..")
                .and().resideOutsideOfPackage("dev.roadwarrior.engine.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.channels..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theSharedIpv4TypesUseOnlyTheJdk() {
        noClasses().that().resideInAPackage("dev.roadwarrior.net..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.roadwarrior.net..")
                .check(classes);
    }

    @Test
    void profilesUseNoEngine() {
        noClasses().that().resideInAPackage("dev.roadwarrior.profiles..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.roadwarrior.engine..", "dev.roadwarrior.platform..", "javafx..",
                        "com.sun.jna..", "picocli..", "dev.roadwarrior.cli..")
                .check(classes);
    }

    @Test
    void platformAdaptersUseOnlyTheEngineSpi() {
        noClasses().that().resideInAPackage("dev.roadwarrior.platform..")
                .should().dependOnClassesThat(resideInAPackage("dev.roadwarrior.engine..")
                        .and(not(resideInAPackage("dev.roadwarrior.engine.spi.."))))
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void commandLineDaemonAndIpcUseNoJavaFx() {
        noClasses().that().resideInAnyPackage("dev.roadwarrior.cli..", "dev.roadwarrior.daemon..",
                        "dev.roadwarrior.ipc..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void onlyTheDaemonUsesPlatformAndEngineRuntime() {
        noClasses().that().resideInAPackage("dev.roadwarrior..")
                .and().resideOutsideOfPackages("dev.roadwarrior.daemon..", "dev.roadwarrior.platform..",
                        "dev.roadwarrior.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.roadwarrior.platform..", "dev.roadwarrior.engine.runtime..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheDesktopAppUsesJavaFx() {
        noClasses().that().resideInAPackage("dev.roadwarrior..")
                .and().resideOutsideOfPackage("dev.roadwarrior.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void viewsUseOnlyTheirViewModel() {
        classes().that().resideInAPackage("dev.roadwarrior.ui..").and().haveSimpleNameEndingWith("View")
                .should(useNoViewModelButTheirOwn())
                .andShould().onlyDependOnClassesThat(not(resideInAnyPackage("dev.roadwarrior.profiles..",
                        "dev.roadwarrior.engine..", "dev.roadwarrior.ipc..", "dev.roadwarrior.daemon..",
                        "dev.roadwarrior.connect..", "dev.roadwarrior.cli..")))
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * A view is bound to one ViewModel, taken in its constructor or held in a field: {@code XView}
     * to {@code XViewModel} when that exists, else to the one ViewModel it shows (the connect
     * progress shows the connection's). Everything else it learns through that ViewModel.
     */
    private static ArchCondition<JavaClass> useNoViewModelButTheirOwn() {
        return new ArchCondition<>("be bound to their own ViewModel only") {
            @Override
            public void check(JavaClass view, ConditionEvents events) {
                java.util.Set<String> bound = new java.util.TreeSet<>();
                view.getFields().forEach(f -> bound.add(f.getRawType().getName()));
                view.getConstructors().forEach(c -> c.getRawParameterTypes().forEach(t -> bound.add(t.getName())));
                bound.removeIf(n -> !n.endsWith("ViewModel"));
                String own = view.getName() + "Model";
                boolean ownExists = classes.contain(own);
                for (String vm : bound) {
                    if ((ownExists && !vm.equals(own)) || bound.size() > 1) {
                        events.add(SimpleConditionEvent.violated(view, view.getName() + " is bound to " + vm));
                    }
                }
            }
        };
    }

    @Test
    void viewModelsUseNoSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
