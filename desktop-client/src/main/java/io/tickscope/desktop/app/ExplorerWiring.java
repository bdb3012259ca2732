package io.tickscope.desktop.app;

import io.tickscope.desktop.connection.ChannelSecurity;
import io.tickscope.desktop.connection.ServerChoice;
import io.tickscope.desktop.connection.ServerTarget;
import io.tickscope.desktop.explorer.ExplorerView;
import io.tickscope.desktop.explorer.ExplorerViewModel;
import io.tickscope.desktop.explorer.call.ExplorerChannel;
import io.tickscope.desktop.explorer.saved.Environment;
import io.tickscope.desktop.explorer.saved.ExplorerFiles;
import io.tickscope.desktop.rpc.ContractDescriptors;
import io.tickscope.desktop.ui.UiThread;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * How the app gives the Explorer its session and how environments become sessions: an environment names a
 * server and how to reach it, and switching to one reconnects the whole app (the monitor's views included)
 * through the session switch, like File › Connect.
 */
final class ExplorerWiring {

    /** Reflection and file work: a daemon thread per task, so a slow server never holds up a view clock. */
    private static final Executor BLOCKING = task -> {
        Thread thread = new Thread(task, "tickscope-explorer");
        thread.setDaemon(true);
        thread.start();
    };

    private ExplorerWiring() {}

    static ExplorerView view(
            Session session,
            UiThread ui,
            ExplorerFiles files,
            Environment environment,
            Consumer<Environment> switchEnvironment) {
        ExplorerChannel channel =
                ExplorerChannel.shared(session.channel(), session.connection().address(), session.security());
        return ExplorerView.create(new ExplorerViewModel(
                channel, ui, BLOCKING, files, ContractDescriptors.builtIn(), environment, switchEnvironment));
    }

    /**
     * Returns the saved environment that names {@code server}, or one called "current" that describes it, so the
     * toolbar shows where the app is.
     */
    static Environment environmentOf(ServerChoice server, ChannelSecurity security, ExplorerFiles files) {
        ServerTarget remote = server.remote();
        String address = remote == null ? "" : remote.toString();
        for (Environment known : files.environments()) {
            if (known.address().equals(address)) {
                return known;
            }
        }
        return new Environment(
                "current",
                address,
                security.tls(),
                text(security.trustedCa()),
                text(security.clientCertificate()),
                text(security.clientKey()),
                text(security.tokenFile()),
                "");
    }

    static ServerChoice choiceOf(Environment environment) {
        return environment.isEmbedded()
                ? ServerChoice.embedded()
                : ServerChoice.remote(ServerTarget.parse(environment.address()));
    }

    private static String text(@org.jspecify.annotations.Nullable Path path) {
        return path == null ? "" : path.toString();
    }
}
