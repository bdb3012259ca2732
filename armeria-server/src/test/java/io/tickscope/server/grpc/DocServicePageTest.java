package io.tickscope.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the DocService console in headless Chromium, as a person's browser would run its scripts, and
 * checks that the services are listed. CI installs Chromium (.ci/run); the page's screenshot lands in
 * target/docs-console.png for people to look at.
 */
class DocServicePageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @RegisterExtension
    static final TickscopeTestServer server = new TickscopeTestServer(0);

    @TempDir
    Path profile;

    @Test
    void consoleListsEveryServiceAndMethod() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is installed by .ci/run");
        String page = server.httpUri()
                .resolve("/docs/#/methods/tickscope.pricing.v1.PricingService/GetPrice/POST")
                .toString();

        String dom = chromium(List.of("--dump-dom", page));
        chromium(List.of("--screenshot=" + Path.of("target", "docs-console.png").toAbsolutePath(), page));

        assertThat(dom)
                .contains("tickscope.pricing.v1.PricingService")
                .contains("tickscope.recommendation.v1.RecommendationService")
                .contains("tickscope.user.v1.UserService")
                .contains("WatchPrices")
                .contains("GetPrice returns the current price of one product")
                .contains("tickscope-live-link");
    }

    private String chromium(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1400,1000",
                "--virtual-time-budget=15000"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("chromium finished")
                .isTrue();
        assertThat(process.exitValue()).as("chromium exit code").isZero();
        return output;
    }
}
