package dev.roadwarrior.ui.tray;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The tray and notifications stay free of JavaFX, so they run and test on a bus alone. */
class TrayArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.roadwarrior.ui.tray", "dev.roadwarrior.ui.notify", "dev.roadwarrior.ui.dbus");

    @Test
    void trayAndNotificationsUseNoJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }
}
