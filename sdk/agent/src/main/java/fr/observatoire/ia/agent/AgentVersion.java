package fr.observatoire.ia.agent;

import picocli.CommandLine.IVersionProvider;

/** The version in the jar's manifest (the shaded distribution's), else "dev". */
final class AgentVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = AgentVersion.class.getPackage().getImplementationVersion();
        return new String[]{"observatoire-agent " + (version == null ? "dev" : version)};
    }
}
