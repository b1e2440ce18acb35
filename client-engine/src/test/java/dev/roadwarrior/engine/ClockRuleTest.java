package dev.roadwarrior.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The IKE client, the data plane and the runtime read no system clock: they get their time from
 * an injected {@link dev.roadwarrior.engine.time.EngineClock}.
 */
class ClockRuleTest {

    private static final String[] CLOCKED = {
        "dev.roadwarrior.engine.ike..", "dev.roadwarrior.engine.esp..", "dev.roadwarrior.engine.runtime.."
    };

    @Test
    void noSystemClockInTheEngine() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.roadwarrior.engine");
        noClasses().that().resideInAnyPackage(CLOCKED)
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(Instant.class, "now", Clock.class)
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(Clock.class, "system", ZoneId.class)
                .orShould().callMethod(InstantSource.class, "system")
                .because("time comes from the injected EngineClock, so that tests drive it")
                .check(classes);
    }
}
