package io.tickscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickscope.server.limits.ServerLimits;
import io.tickscope.server.security.SecuritySettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The /live page in a real browser: Debian's Chromium, driven by playwright-core from a node script
 * ({@code web/test/live-page.mjs}), against a real server at the default market rate. The page must show prices
 * changing, survive a restart of the server (reconnect, resync to the new incarnation, prices moving again) and
 * show an unknown product's NOT_FOUND. One test, because each step needs the one before; it takes about a minute:
 * a server start, a restart, the page's reconnect backoff and ten seconds of CPU measurement, which the script
 * prints (the figure in docs/architecture.md comes from it). It fails, never skips, without node, the web
 * folder's npm packages or Chromium: .ci/run installs them, and the build runs npm ci.
 */
class LivePageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path WEB = Path.of("web").toAbsolutePath();
    private static final Path SCREENSHOT = Path.of("target", "live.png").toAbsolutePath();

    @TempDir
    Path dataDirectory;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void pageShowsPricesSurvivesARestartAndShowsAnUnknownProduct() throws Exception {
        assertThat(CHROMIUM)
                .as("Chromium (.ci/run installs the chromium package)")
                .isExecutable();
        assertThat(WEB.resolve("node_modules/playwright-core"))
                .as("playwright-core (the build's npm ci in armeria-server/web installs it)")
                .isDirectory();
        TickscopeServer server = start(0);
        int port = server.port();
        List<String> steps = new ArrayList<>();
        Process browser;
        try {
            browser = new ProcessBuilder(
                            "node", "test/live-page.mjs", "http://127.0.0.1:" + port, SCREENSHOT.toString())
                    .directory(WEB.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            server.close();
            throw new AssertionError("node is not on the PATH (.ci/run installs the nodejs package)", e);
        }
        try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8));
                OutputStream in = browser.getOutputStream()) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println("live-page.mjs: " + line);
                steps.add(line.split(" ", 2)[0]);
                if (line.equals("RESTART")) {
                    server.close();
                    server = start(port);
                    in.write("RESTARTED\n".getBytes(StandardCharsets.UTF_8));
                    in.flush();
                }
            }
            assertThat(browser.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            browser.destroyForcibly();
            server.close();
        }
        assertThat(steps)
                .as("the script's steps (its output is above)")
                .containsSubsequence("PRICES_CHANGE", "RESTART", "RESUMED", "SCREENSHOT", "ERROR_SHOWN", "CPU", "DONE")
                .doesNotContain("FAIL");
        assertThat(browser.exitValue()).isZero();
    }

    /** A server at the default market rate over this test's data directory, on {@code port} (0: a free one). */
    private TickscopeServer start(int port) throws IOException {
        Files.createDirectories(dataDirectory);
        return TickscopeServer.start(new ServerSettings(
                "127.0.0.1",
                port,
                dataDirectory,
                1_000,
                42,
                Duration.ofSeconds(1),
                SecuritySettings.none(),
                ServerLimits.defaults()));
    }
}
