package io.tickscope.bench.scenarios;

import io.tickscope.bench.codec.CodecBenchmark;
import io.tickscope.bench.codec.JmhSettings;
import io.tickscope.bench.report.Results;
import io.tickscope.bench.report.Units;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the codec microbenchmarks ({@link CodecBenchmark}) with JMH while no server runs, and reports the time per operation and how much longer JSON takes than protobuf.
 */
public final class CodecMicrobenchmarks {

    private static final String SECTION = "Codec microbenchmarks (JMH, average time per operation)";
    private static final String[] OPERATIONS = {"encode", "decode"};

    private CodecMicrobenchmarks() {}

    public static void run(Path fixtureDirectory, JmhSettings settings, Results results) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(CodecBenchmark.class.getName())
                .param("fixtureDirectory", fixtureDirectory.toAbsolutePath().toString())
                .forks(settings.forks())
                .jvmArgs("-Xms1g", "-Xmx1g")
                .warmupIterations(settings.warmupIterations())
                .warmupTime(TimeValue.milliseconds(settings.warmupTime().toMillis()))
                .measurementIterations(settings.measurementIterations())
                .measurementTime(
                        TimeValue.milliseconds(settings.measurementTime().toMillis()))
                .timeUnit(TimeUnit.NANOSECONDS)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> runs = new Runner(options).run();

        // Keyed "GetPriceResponse encodeJson" and so on.
        Map<String, Double> nanosPerOperation = new HashMap<>();
        for (RunResult run : runs) {
            String benchmark = run.getParams().getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            nanosPerOperation.put(
                    run.getParams().getParam("message") + ' ' + method,
                    run.getPrimaryResult().getScore());
        }
        for (String message : new String[] {"GetPriceResponse", "GetPricesBatchResponse"}) {
            for (String operation : OPERATIONS) {
                double protobuf = nanosPerOperation.getOrDefault(message + ' ' + operation + "Protobuf", Double.NaN);
                double json = nanosPerOperation.getOrDefault(message + ' ' + operation + "Json", Double.NaN);
                results.add(SECTION, message + ", " + operation + ", protobuf", protobuf, Units.NANOS_PER_OP);
                results.add(SECTION, message + ", " + operation + ", JSON", json, Units.NANOS_PER_OP);
                results.add(SECTION, message + ", " + operation + ", JSON / protobuf", json / protobuf, Units.RATIO);
            }
        }
    }
}
