package io.tickscope.server;

import picocli.CommandLine.IVersionProvider;

/** The version picocli prints for {@code --version}: the jar's implementation version. */
final class TickscopeVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = TickscopeVersion.class.getPackage().getImplementationVersion();
        return new String[] {"tickscope-server " + (version != null ? version : "(development build)")};
    }
}
