package io.tickscope.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Change detection on real files, one check at a time: the test calls {@link WatchedFiles#check()} itself, so that
 * "reported once" means once over several checks, without waiting for a schedule.
 */
class WatchedFilesTest {

    @TempDir
    Path directory;

    private final AtomicInteger parses = new AtomicInteger();
    private final List<Integer> reloads = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();

    @Test
    void badFilesAtStartThrowWithTheReason() throws Exception {
        Path file = write("number", "twelve");

        assertThatThrownBy(() -> watch(file)).hasMessageContaining("For input string: \"twelve\"");
        assertThatThrownBy(() -> watch(directory.resolve("missing")))
                .hasMessageContaining("file: " + directory.resolve("missing") + " (expected: a readable file)");
    }

    @Test
    void unchangedFilesAreNotParsedAgain() throws Exception {
        WatchedFiles<Integer> number = watch(write("number", "12"));

        number.check();
        number.check();

        assertThat(parses).hasValue(1);
        assertThat(reloads).isEmpty();
        assertThat(refusals).isEmpty();
    }

    @Test
    void aChangedFileReplacesTheValueAndIsReported() throws Exception {
        Path file = write("number", "12");
        WatchedFiles<Integer> number = watch(file);

        write("number", "13");
        number.check();

        assertThat(number.current()).isEqualTo(13);
        assertThat(reloads).containsExactly(13);
    }

    @Test
    void aChangeThatDoesNotParseKeepsTheValueAndIsReportedOnce() throws Exception {
        Path file = write("number", "12");
        WatchedFiles<Integer> number = watch(file);

        write("number", "13x");
        number.check();
        number.check();
        number.check();

        assertThat(number.current()).isEqualTo(12);
        assertThat(parses).hasValue(2);
        assertThat(refusals).containsExactly("For input string: \"13x\"");

        write("number", "14");
        number.check();
        assertThat(number.current()).isEqualTo(14);
        assertThat(reloads).containsExactly(14);
    }

    @Test
    void aDeletedFileKeepsTheValueIsReportedOnceAndIsReadAgainWhenItComesBack() throws Exception {
        Path file = write("number", "12");
        WatchedFiles<Integer> number = watch(file);

        Files.delete(file);
        number.check();
        number.check();

        assertThat(number.current()).isEqualTo(12);
        assertThat(refusals).singleElement().asString().startsWith("file: " + file + " (expected: a readable file)");

        write("number", "12");
        number.check();
        number.check();
        assertThat(reloads).containsExactly(12);
        assertThat(refusals).hasSize(1);
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedWithoutReadingItWhole() throws Exception {
        Path file = write("number", "12");
        WatchedFiles<Integer> number = watch(file);

        Files.write(file, new byte[WatchedFiles.MAX_FILE_BYTES + 1]);
        number.check();

        assertThat(number.current()).isEqualTo(12);
        assertThat(parses).hasValue(1);
        assertThat(refusals)
                .containsExactly("file: " + file + ": more than 4194304 bytes (expected: <= 4194304, a key,"
                        + " certificates or tokens)");
    }

    @Test
    void aParserThatFailsUnexpectedlyDoesNotEndTheChecks() throws Exception {
        Path file = write("number", "12");
        WatchedFiles<Integer> number = new WatchedFiles<>(
                List.of(file),
                contents -> {
                    int value = parse(contents.get(0));
                    if (value == 13) {
                        throw new IllegalStateException("unlucky");
                    }
                    return value;
                },
                reloads::add,
                refusals::add);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            number.watch(Duration.ofMillis(10), executor);
            write("number", "13");
            await().atMost(Duration.ofSeconds(10)).until(() -> refusals.contains("unlucky"));
            write("number", "14");
            await().atMost(Duration.ofSeconds(10)).until(() -> reloads.contains(14));
        } finally {
            number.stopWatching();
            executor.shutdownNow();
        }
    }

    @Test
    void contentMovingFromOneFileToTheNextCountsAsAChange() throws Exception {
        Path first = write("first", "1");
        Path second = write("second", "23");
        WatchedFiles<Integer> sum = new WatchedFiles<>(
                List.of(first, second),
                contents -> contents.stream().mapToInt(this::parse).sum(),
                reloads::add,
                refusals::add);

        write("first", "12");
        write("second", "3");
        sum.check();

        assertThat(sum.current()).isEqualTo(15);
        assertThat(reloads).containsExactly(15);
    }

    private WatchedFiles<Integer> watch(Path file) {
        return new WatchedFiles<>(List.of(file), contents -> parse(contents.get(0)), reloads::add, refusals::add);
    }

    private int parse(byte[] content) {
        parses.incrementAndGet();
        return Integer.parseInt(new String(content, StandardCharsets.UTF_8));
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(directory.resolve(name), content);
    }
}
