package fr.observatoire.ia.server.enrolment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code observatoire.enrolment.*}. */
@ConfigMapping(prefix = "observatoire.enrolment")
public interface EnrolmentConfig {
    /** How long a fresh enrolment code can be used. */
    @WithDefault("P14D")
    Duration codeValidity();
}
