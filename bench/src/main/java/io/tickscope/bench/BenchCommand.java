package io.tickscope.bench;

import io.tickscope.bench.report.Report;
import io.tickscope.bench.report.ReportJson;
import io.tickscope.bench.report.ReportTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The harness's command line: picks the settings, runs every scenario, prints and saves the report. */
@Command(
        name = "tickscope-bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Benchmarks Tickscope against real servers on loopback: gRPC against REST/JSON, batch against unary,"
                    + " WatchPrices push and fan-out, Armeria against plain grpc-java, the raw TCP round trip"
                    + " and the codecs, all in one run.",
            "Prints one table with the conditions and every target (met or not) and writes the same as JSON."
        })
final class BenchCommand implements Callable<Integer> {

    @Option(
            names = "--smoke",
            description = "Run every scenario briefly (well under a minute) to check that the harness works;"
                    + " the figures mean little.")
    private boolean smoke;

    @Option(
            names = "--quick",
            description = "Run every selected scenario in short windows, three rounds (a few minutes for all): enough"
                    + " to check that a change helps, not for the figures of docs/benchmarks.md.")
    private boolean quick;

    @Option(
            names = "--only",
            split = ",",
            paramLabel = "SCENARIO",
            description = "Run only these scenarios, comma-separated: sizes, unary, config-ladder, batch, open-loop,"
                    + " network, push, fan-out, codecs (default: all).")
    private List<String> only = List.of();

    @Option(
            names = "--rounds",
            paramLabel = "N",
            description = "Run the scenarios behind the ratio targets N times, interleaved, and judge each target on"
                    + " the median (default: 3 for full and quick runs, 1 for smoke).")
    private int rounds;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "target/tickscope-bench",
            description =
                    "Directory for results.json, results.txt and the captured fixtures (default: ${DEFAULT-VALUE}).")
    private Path outputDirectory = Path.of("target", "tickscope-bench");

    @Override
    public Integer call() throws Exception {
        BenchSettings settings = smoke ? BenchSettings.smoke() : quick ? BenchSettings.quick() : BenchSettings.full();
        if (!only.isEmpty()) {
            settings = settings.only(only.stream().map(Scenario::named).collect(Collectors.toSet()));
        }
        if (rounds != 0) {
            settings = settings.withRounds(rounds);
        }
        Report report = new BenchRun(settings, outputDirectory, System.err).run();
        String table = ReportTable.render(report);
        System.out.print(table);
        Files.createDirectories(outputDirectory);
        Files.writeString(outputDirectory.resolve("results.txt"), table, StandardCharsets.UTF_8);
        Path json = outputDirectory.resolve("results.json");
        ReportJson.write(report, json);
        System.out.println("\nJSON: " + json.toAbsolutePath());
        return report.failures().isEmpty() ? 0 : 1;
    }
}
