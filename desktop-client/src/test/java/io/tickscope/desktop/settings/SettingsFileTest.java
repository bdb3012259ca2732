package io.tickscope.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickscope.desktop.connection.ServerAddress;
import io.tickscope.desktop.connection.ServerChoice;
import io.tickscope.desktop.model.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {

    @TempDir
    Path directory;

    @Test
    void firstRunWatchesTheFirstProductsOnTheEmbeddedServer() {
        DesktopSettings settings = new SettingsFile(directory.resolve("missing.properties")).load();

        assertThat(settings).isEqualTo(DesktopSettings.firstRun());
        assertThat(settings.server().isEmbedded()).isTrue();
        assertThat(settings.window()).isNull();
        assertThat(settings.watchedProducts()).hasSize(16).startsWith("P00001", "P00002");
    }

    @Test
    void savedSettingsComeBackAsTheyWere() throws IOException {
        SettingsFile file = new SettingsFile(directory.resolve("nested").resolve("desktop.properties"));
        DesktopSettings saved = DesktopSettings.firstRun()
                .withServer(ServerChoice.remote(new ServerAddress("prices.example.com", 8443)))
                .withWindow(new WindowBounds(40, 30.5, 1400, 900, true))
                .withWatchlist(List.of("P00042", "P00007"), Currency.getInstance("JPY"), Segment.WHOLESALE);

        file.save(saved);

        assertThat(file.load()).isEqualTo(saved);
        try (Stream<Path> files = Files.list(file.path().getParent())) {
            assertThat(files).containsExactly(file.path());
        }
    }

    @Test
    void aUrlOrAListOfReplicasComesBackAsWritten() throws IOException {
        Path path = directory.resolve("desktop.properties");
        SettingsFile file = new SettingsFile(path);
        for (String server : List.of("https://prices.example.com:8443", "a:8080,b:8080,c:8080")) {
            ServerChoice choice = ServerChoice.parse(server);
            file.save(DesktopSettings.firstRun().withServer(choice));

            assertThat(file.load().server()).isEqualTo(choice);
            assertThat(Files.readString(path)).contains("server=" + server.replace(":", "\\:"));
        }
    }

    @Test
    void unreadableValuesFallBackOneByOne() throws IOException {
        Path path = directory.resolve("desktop.properties");
        Files.writeString(
                path,
                String.join(
                        "\n",
                        "server=not an address",
                        "window=1,2,3",
                        "watchlist.products=P00003, P00004",
                        "watchlist.currency=euro",
                        "watchlist.segment=VIP"));

        DesktopSettings settings = new SettingsFile(path).load();

        DesktopSettings firstRun = DesktopSettings.firstRun();
        assertThat(settings.server()).isEqualTo(firstRun.server());
        assertThat(settings.window()).isNull();
        assertThat(settings.watchedProducts()).containsExactly("P00003", "P00004");
        assertThat(settings.currency()).isEqualTo(firstRun.currency());
        assertThat(settings.segment()).isEqualTo(Segment.VIP);
    }
}
