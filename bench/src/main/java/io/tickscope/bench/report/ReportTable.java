package io.tickscope.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a report as one plain-text table for a terminal: conditions, figures by section, then targets. */
public final class ReportTable {

    private static final String INDENT = "  ";

    private ReportTable() {}

    public static String render(Report report) {
        StringBuilder out = new StringBuilder();
        appendConditions(out, report.conditions());
        appendMeasurements(out, report.measurements());
        appendTargets(out, report);
        if (!report.failures().isEmpty()) {
            out.append("\nFailed scenarios (their figures and targets are missing):\n");
            report.failures()
                    .forEach(failure -> out.append(INDENT).append(failure).append('\n'));
        }
        return out.toString();
    }

    private static void appendConditions(StringBuilder out, Conditions conditions) {
        out.append("Tickscope benchmarks, ")
                .append(conditions.mode())
                .append(" run, started ")
                .append(conditions.startTime())
                .append('\n');
        out.append("CPU  ")
                .append(conditions.cpuModel())
                .append(", ")
                .append(conditions.availableProcessors())
                .append(" processors, allowed CPUs ")
                .append(conditions.cpusAllowed())
                .append(", load average at start ")
                .append(conditions.loadAverage())
                .append('\n');
        out.append("JVM  ")
                .append(conditions.jvm())
                .append(", ")
                .append(String.join(" + ", conditions.garbageCollectors()))
                .append(", max heap ")
                .append(conditions.maxHeapMiB())
                .append(" MiB, flags ")
                .append(conditions.jvmFlags().isEmpty() ? "(none)" : String.join(" ", conditions.jvmFlags()))
                .append('\n');
        out.append("OS   ").append(conditions.os()).append('\n');
    }

    private static void appendMeasurements(StringBuilder out, List<Measurement> measurements) {
        int nameWidth =
                measurements.stream().mapToInt(m -> m.name().length()).max().orElse(0);
        int valueWidth = measurements.stream()
                .mapToInt(m -> Units.format(m.value(), m.unit()).length())
                .max()
                .orElse(0);
        // Scenarios may add to a section in several turns; the table shows each section once, where it first came.
        Map<String, List<Measurement>> bySection = measurements.stream()
                .collect(Collectors.groupingBy(Measurement::section, LinkedHashMap::new, Collectors.toList()));
        bySection.forEach((section, rows) -> {
            out.append('\n').append(section).append('\n');
            for (Measurement measurement : rows) {
                appendMeasurement(out, measurement, nameWidth, valueWidth);
            }
        });
    }

    private static void appendMeasurement(StringBuilder out, Measurement measurement, int nameWidth, int valueWidth) {
        out.append(INDENT)
                .append(padRight(measurement.name(), nameWidth))
                .append(INDENT)
                .append(padLeft(Units.format(measurement.value(), measurement.unit()), valueWidth))
                .append(' ')
                .append(measurement.unit());
        Spread spread = measurement.spread();
        if (spread.samples() > 1) {
            out.append("   (")
                    .append(spread.samples())
                    .append(" rounds: ")
                    .append(Units.format(spread.min(), measurement.unit()))
                    .append(" to ")
                    .append(Units.format(spread.max(), measurement.unit()))
                    .append(')');
        }
        out.append('\n');
    }

    private static void appendTargets(StringBuilder out, Report report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"id", "target", "min", "median", "max", "limit", "unit", "result"});
        for (Target target : report.targets()) {
            rows.add(new String[] {
                target.id(),
                target.description(),
                Units.format(target.spread().min(), target.unit()),
                Units.format(target.measured(), target.unit()),
                Units.format(target.spread().max(), target.unit()),
                target.comparison().symbol() + ' ' + Units.format(target.limit(), target.unit()),
                target.unit(),
                target.met() ? "met" : "NOT MET"
            });
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        out.append("\nTargets: ")
                .append(report.targetsMet())
                .append(" of ")
                .append(report.targets().size())
                .append(" met (each judged on the median of its rounds)\n");
        for (String[] row : rows) {
            out.append(INDENT)
                    .append(padRight(row[0], widths[0]))
                    .append(INDENT)
                    .append(padRight(row[1], widths[1]))
                    .append(INDENT)
                    .append(padLeft(row[2], widths[2]))
                    .append(INDENT)
                    .append(padLeft(row[3], widths[3]))
                    .append(INDENT)
                    .append(padLeft(row[4], widths[4]))
                    .append(INDENT)
                    .append(padLeft(row[5], widths[5]))
                    .append(' ')
                    .append(padRight(row[6], widths[6]))
                    .append(INDENT)
                    .append(row[7])
                    .append('\n');
        }
    }

    private static String padRight(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(width - text.length()) + text;
    }
}
