package io.tickscope.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    static Conditions sample() {
        return new Conditions(
                "2026-11-22T10:00:00Z",
                "full",
                "Intel(R) Xeon(R) Processor",
                2,
                "0-1",
                "0.50 0.40 0.30",
                "Linux 6.1 amd64",
                "OpenJDK 64-Bit Server VM 17.0.15",
                List.of("-Xms2g", "-Xmx2g"),
                List.of("G1 Young Generation", "G1 Old Generation"),
                2048);
    }

    @Test
    void cpuModelIsTheFirstModelNameOfCpuinfo() {
        List<String> cpuinfo = List.of(
                "processor\t: 0",
                "vendor_id\t: GenuineIntel",
                "model\t\t: 85",
                "model name\t: Intel(R) Xeon(R) Processor",
                "",
                "processor\t: 1",
                "model name\t: Some Other CPU");

        assertThat(Conditions.cpuModel(cpuinfo)).isEqualTo("Intel(R) Xeon(R) Processor");
    }

    @Test
    void cpusAllowedComeFromTheProcessStatus() {
        List<String> status = List.of("Name:\tjava", "Cpus_allowed:\t3", "Cpus_allowed_list:\t1", "Mems_allowed:\t1");

        assertThat(Conditions.cpusAllowed(status)).isEqualTo("1");
    }

    @Test
    void loadAverageKeepsTheThreeAverages() {
        assertThat(Conditions.loadAverage(List.of("0.61 1.18 1.47 2/345 19870")))
                .isEqualTo("0.61 1.18 1.47");
    }

    @Test
    void missingProcFilesReadAsUnknown() {
        assertThat(Conditions.cpuModel(List.of())).isEqualTo("unknown");
        assertThat(Conditions.cpusAllowed(List.of())).isEqualTo("unknown");
        assertThat(Conditions.loadAverage(List.of())).isEqualTo("unknown");
    }

    @Test
    void captureRecordsThisJvm() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00.123Z"), ZoneOffset.UTC);

        Conditions conditions = Conditions.capture("smoke", clock);

        assertThat(conditions.startTime()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(conditions.mode()).isEqualTo("smoke");
        assertThat(conditions.availableProcessors())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(conditions.jvm()).contains(System.getProperty("java.runtime.version"));
        assertThat(conditions.garbageCollectors()).isNotEmpty();
    }
}
