package fr.observatoire.ia.plugin.squid;

import fr.observatoire.ia.model.Service;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubnetServiceMapTest {
    private static final String PLAN = """
            # town hall network plan
            10.0.0.0/8        INFORMATION_SYSTEMS
            10.1.0.0/16       FINANCE
            10.1.2.0/24       CIVIL_REGISTRY   # état civil, ground floor
            10.1.2.128/25     urban-planning
            10.1.2.200        HUMAN_RESOURCES
            2001:db8:1::/48   SOCIAL_ACTION
            2001:db8:1:2::/64 EDUCATION
            """;

    private final SubnetServiceMap map = parse(PLAN, Service.TRANSVERSAL);

    @ParameterizedTest
    @CsvSource({
            "10.9.9.9, INFORMATION_SYSTEMS",
            "10.1.9.9, FINANCE",
            "10.1.2.3, CIVIL_REGISTRY",
            "10.1.2.127, CIVIL_REGISTRY",
            "10.1.2.128, URBAN_PLANNING",
            "10.1.2.200, HUMAN_RESOURCES",
            "10.1.2.201, URBAN_PLANNING",
            "::ffff:10.1.2.3, CIVIL_REGISTRY",
            "2001:db8:1::5, SOCIAL_ACTION",
            "2001:db8:1:2::5, EDUCATION",
            "2001:DB8:1:2:0:0:0:5, EDUCATION",
            "[2001:db8:1:2::5], EDUCATION",
            "fe80::1%eth0, TRANSVERSAL",
            "2001:db8:2::1, TRANSVERSAL",
            "192.168.1.1, TRANSVERSAL",
            "11.0.0.0, TRANSVERSAL",
    })
    void theLongestMatchingPrefixWins(String address, Service expected) {
        assertThat(map.serviceOf(address)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pc-42.mairie.local", "10.1.2", "10.1.2.3.4", "10.1.2.256", "1::2::3", "12345::1", "::ffff:10.1.2", "-"})
    void whatIsNotAnAddressGetsTheDefault(String address) {
        assertThat(map.serviceOf(address)).isEqualTo(Service.TRANSVERSAL);
        assertThat(map.serviceOf(null)).isEqualTo(Service.TRANSVERSAL);
    }

    @Test
    void theDefaultIsConfigurableInCodeOrInTheFile(@TempDir Path dir) throws IOException {
        assertThat(parse("10.1.2.0/24 FINANCE", Service.OTHER).serviceOf("10.9.9.9")).isEqualTo(Service.OTHER);
        Path file = dir.resolve("subnets.txt");
        Files.writeString(file, "default GENERAL_MANAGEMENT\n10.1.2.0/24 FINANCE\n");
        SubnetServiceMap loaded = SubnetServiceMap.load(file);
        assertThat(loaded.serviceOf("10.9.9.9")).isEqualTo(Service.GENERAL_MANAGEMENT);
        assertThat(loaded.serviceOf("10.1.2.9")).isEqualTo(Service.FINANCE);
        assertThat(loaded.size()).isEqualTo(1);
        assertThat(SubnetServiceMap.empty().serviceOf("10.1.2.9")).isEqualTo(Service.TRANSVERSAL);
    }

    @Test
    void zeroPrefixesCatchEveryAddressOfTheirFamily() {
        SubnetServiceMap all = parse("0.0.0.0/0 FINANCE\n::/0 EDUCATION\n", Service.OTHER);
        assertThat(all.serviceOf("203.0.113.9")).isEqualTo(Service.FINANCE);
        assertThat(all.serviceOf("2001:db8::9")).isEqualTo(Service.EDUCATION);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "10.1.2.0/24; expected 'SUBNET SERVICE'",
            "10.1.2.0/24 FINANCE extra; expected 'SUBNET SERVICE'",
            "10.1.2.0/24 PARKING; 'PARKING' is not a service",
            "10.1.2.0/33 FINANCE; prefix length",
            "10.1.2.0/x FINANCE; prefix length",
            "10.1.2.5/24 FINANCE; write the network address, e.g. 10.1.2.0/24",
            "mairie.local/24 FINANCE; not an IPv4 or IPv6 address",
            "2001:db8::/129 FINANCE; prefix length",
    })
    void aBadLineIsRefusedWithItsLineNumber(String line, String message) {
        assertThatThrownBy(() -> parse("# first line\n" + line + "\n", Service.TRANSVERSAL))
                .isInstanceOf(SquidConfigException.class)
                .hasMessageStartingWith("subnets.txt:2: ")
                .hasMessageContaining(message);
    }

    @Test
    void theSameSubnetTwiceIsRefused() {
        assertThatThrownBy(() -> parse("10.1.2.0/24 FINANCE\n10.1.2.0/24 EDUCATION\n", Service.TRANSVERSAL))
                .isInstanceOf(SquidConfigException.class).hasMessageContaining("line 1");
    }

    @Property
    void everyAddressInsideAPrefixMapsToIt(@ForAll int network, @ForAll @IntRange(min = 1, max = 32) int prefix, @ForAll int host) {
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        long net = (network & 0xFFFFFFFFL) & mask;
        long inside = net | ((host & 0xFFFFFFFFL) & ~mask & 0xFFFFFFFFL);
        long outside = inside ^ (1L << (32 - prefix)); // flips the last bit of the prefix
        SubnetServiceMap one = parse(v4(net) + "/" + prefix + " FINANCE", Service.OTHER);
        assertThat(one.serviceOf(v4(inside))).isEqualTo(Service.FINANCE);
        assertThat(one.serviceOf(v4(outside))).isEqualTo(Service.OTHER);
    }

    @Property
    void ipv6AndIpv4MappedFormsOfTheSameAddressAgree(@ForAll int address) {
        long a = address & 0xFFFFFFFFL;
        String dotted = v4(a);
        String mapped = "::ffff:" + Long.toHexString(a >>> 16) + ":" + Long.toHexString(a & 0xFFFF);
        SubnetServiceMap one = parse(dotted + " FINANCE", Service.OTHER);
        assertThat(one.serviceOf(mapped)).isEqualTo(Service.FINANCE);
        assertThat(one.serviceOf("::ffff:" + dotted)).isEqualTo(Service.FINANCE);
    }

    private static String v4(long a) {
        return ((a >>> 24) & 0xFF) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF);
    }

    private static SubnetServiceMap parse(String text, Service fallback) {
        try {
            return SubnetServiceMap.parse(new StringReader(text), "subnets.txt", fallback);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
