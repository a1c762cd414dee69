package fr.observatoire.ia.sdk.internal;

/**
 * A class of Jackson, HttpClient 5 or Bouncy Castle that is missing or different at run time: the host's build
 * resolved another version of a library the SDK uses (Maven's nearest-wins picks the host's). Turned into an
 * exception the start-up policy handles like any other (observatoire.on-invalid-config), instead of an Error
 * escaping into the host's start-up.
 */
public final class DependencyConflict {
    private DependencyConflict() {
    }

    public static IllegalStateException explain(LinkageError error) {
        return new IllegalStateException("a library the SDK needs is on the classpath in another version (" + error
                + "). Depend on fr.observatoire.ia:observatoire-sdk-all instead of observatoire-sdk: it carries its own"
                + " relocated copies of Jackson, HttpClient 5 and Bouncy Castle (docs/decisions/dependency-isolation.md).", error);
    }
}
