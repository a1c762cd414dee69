package fr.observatoire.ia.server.referential;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The referential as a CDI bean. {@link Referential} is final and immutable, so it is produced as a
 * {@link Singleton} (no client proxy); {@link Referential#loadDefault()} reads the classpath files once per
 * class loader, and start-up fails if they are missing or inconsistent rather than at the first registration.
 */
public class ReferentialProducer {
    @Produces
    @Singleton
    Referential referential() {
        return Referential.loadDefault();
    }
}
