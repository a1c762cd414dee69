package fr.observatoire.ia.hostcompat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The premise: this host really runs the older libraries, and the SDK brings none of its own under their names. */
class HostLibrariesTest {
    @Test
    void the_host_runs_jackson_2_12_and_httpclient_5_1() {
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()).isEqualTo("2.12.7");
        assertThat(org.apache.hc.client5.http.impl.classic.HttpClients.class.getProtectionDomain().getCodeSource().getLocation().toString())
                .contains("httpclient5-5.1.3");
        // ConnectionConfig appeared in HttpClient 5.2: the SDK uses it, the host's version does not have it.
        assertThatThrownBy(() -> Class.forName("org.apache.hc.client5.http.config.ConnectionConfig"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void the_sdk_classes_come_from_observatoire_sdk_all_with_their_dependencies_relocated() throws Exception {
        assertThat(fr.observatoire.ia.sdk.ObservatoireSdk.class.getProtectionDomain().getCodeSource().getLocation().toString())
                .contains("observatoire-sdk-all");
        assertThat(Class.forName("fr.observatoire.ia.shaded.hc.client5.http.config.ConnectionConfig")).isNotNull();
        assertThat(Class.forName("fr.observatoire.ia.shaded.jackson.databind.ObjectMapper")).isNotNull();
        assertThat(Class.forName("fr.observatoire.ia.shaded.bouncycastle.crypto.signers.Ed25519Signer")).isNotNull();
        // And no Bouncy Castle under its own name for the host to trip on.
        assertThatThrownBy(() -> Class.forName("org.bouncycastle.crypto.signers.Ed25519Signer")).isInstanceOf(ClassNotFoundException.class);
    }
}
