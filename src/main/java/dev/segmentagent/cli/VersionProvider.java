package dev.segmentagent.cli;

import picocli.CommandLine;

class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[]{"segment-agent " + (version == null ? "dev" : version)};
    }
}
