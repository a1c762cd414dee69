package fr.observatoire.ia.plugin.squid;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SquidLineParserTest {

    @Test
    void parsesAConnectTunnelWithoutUser() {
        SquidLogLine line = SquidLineParser.parseLine(
                "1718000000.123    245 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT chatgpt.com:443 - HIER_DIRECT/104.18.32.47 -").orElseThrow();

        assertThat(line.timestampMillis()).isEqualTo(1_718_000_000_123L);
        assertThat(line.host()).isEqualTo("chatgpt.com");
        assertThat(line.connect()).isTrue();
        assertThat(line.status()).isEqualTo(200);
        assertThat(line.successful()).isTrue();
        assertThat(line.clientAddress()).isEqualTo("10.1.2.3");
        assertThat(line.user()).isNull();
    }

    @Test
    void parsesAGetWithUserAndMimeType() {
        SquidLogLine line = SquidLineParser.parseLine(
                "1718000000.456     12 10.1.2.4 TCP_MISS/200 1532 GET http://www.deepl.com/translator jdupont HIER_DIRECT/1.2.3.4 text/html").orElseThrow();

        assertThat(line.host()).isEqualTo("www.deepl.com");
        assertThat(line.connect()).isFalse();
        assertThat(line.user()).isEqualTo("jdupont");
        assertThat(line.clientAddress()).isEqualTo("10.1.2.4");
    }

    @Test
    void hostIsLowerCasedAndLosesPortUserinfoAndTrailingDot() {
        assertThat(host("GET http://someone:secret@Chat.Mistral.AI.:8080/x?y=1")).isEqualTo("chat.mistral.ai");
        assertThat(host("GET https://claude.ai")).isEqualTo("claude.ai");
        assertThat(host("GET http://claude.ai?q=1")).isEqualTo("claude.ai");
        assertThat(host("CONNECT [2001:db8::1]:443")).isEqualTo("2001:db8::1");
        assertThat(host("CONNECT gemini.google.com:443")).isEqualTo("gemini.google.com");
        assertThat(host("POST ftp://files.example.org/a")).isEqualTo("files.example.org");
    }

    @Test
    void aRequestWithoutAuthorityIsAValidLineWithoutHost() {
        assertThat(host("NONE error:invalid-request")).isEmpty();
        assertThat(host("GET /index.html")).isEmpty();
        assertThat(host("GET /redirect?to=http://chatgpt.com/")).isEmpty();
    }

    @Test
    void readsTheFractionOfTheTimestampAsMilliseconds() {
        assertThat(SquidLineParser.parseLine("1718000000.5 1 10.0.0.1 TCP_MISS/200 1 GET http://a.fr/ - HIER_NONE/- -")
                .orElseThrow().timestampMillis()).isEqualTo(1_718_000_000_500L);
        assertThat(SquidLineParser.parseLine("1718000000 1 10.0.0.1 TCP_MISS/200 1 GET http://a.fr/ - HIER_NONE/- -")
                .orElseThrow().timestampMillis()).isEqualTo(1_718_000_000_000L);
    }

    @Test
    void readsStatusesOfDenialsAndAborts() {
        SquidLogLine denied = SquidLineParser.parseLine(
                "1718000000.123      0 10.1.2.3 TCP_DENIED/403 3900 CONNECT claude.ai:443 jdupont HIER_NONE/- text/html").orElseThrow();
        SquidLogLine aborted = SquidLineParser.parseLine(
                "1718000000.123      0 10.1.2.3 NONE_NONE/000 0 CONNECT claude.ai:443 - HIER_NONE/- -").orElseThrow();
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.successful()).isFalse();
        assertThat(aborted.status()).isZero();
        assertThat(aborted.successful()).isFalse();
    }

    @Test
    void toleratesTabsCarriageReturnlessEndsAndAUrlWithBlanks() {
        // uri_whitespace allow: the URL spills into extra fields, the user is found from the end.
        SquidLogLine line = SquidLineParser.parseLine(
                "1718000000.123\t12 10.1.2.3 TCP_MISS/200 10 GET http://www.deepl.com/a b c mmartin HIER_DIRECT/1.2.3.4 text/html").orElseThrow();
        assertThat(line.host()).isEqualTo("www.deepl.com");
        assertThat(line.user()).isEqualTo("mmartin");
    }

    @Test
    void findsTheUserOnShorterLinesWithoutPeerOrMimeType() {
        assertThat(SquidLineParser.parseLine("1718000000.123 1 10.0.0.1 TCP_MISS/200 1 GET http://a.fr/ bob").orElseThrow().user())
                .isEqualTo("bob");
        assertThat(SquidLineParser.parseLine("1718000000.123 1 10.0.0.1 TCP_MISS/200 1 GET http://a.fr/ bob HIER_NONE/-").orElseThrow().user())
                .isEqualTo("bob");
        assertThat(SquidLineParser.parseLine("1718000000.123 1 10.0.0.1 TCP_MISS/200 1 GET http://a.fr/   ")).isEmpty();
    }

    @Test
    void acceptsAnIpv6Client() {
        SquidLogLine line = SquidLineParser.parseLine(
                "1718000000.123    245 2001:db8:10::5 TCP_TUNNEL/200 5230 CONNECT grok.com:443 - HIER_DIRECT/203.0.113.1 -").orElseThrow();
        assertThat(line.clientAddress()).isEqualTo("2001:db8:10::5");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   ",
            "hello world",
            "1718000000.123    245 10.1.2.3 TCP_TUNNEL/200",
            "yesterday 245 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT chatgpt.com:443 - HIER_DIRECT/1.2.3.4 -",
            "1718000000.1234x 245 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT chatgpt.com:443 - HIER_DIRECT/1.2.3.4 -",
            "1718000000. 245 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT chatgpt.com:443 - HIER_DIRECT/1.2.3.4 -",
            "1718000000.123 abc 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT chatgpt.com:443 - HIER_DIRECT/1.2.3.4 -",
            "1718000000.123 245 10.1.2.3 TCP_TUNNEL 5230 CONNECT chatgpt.com:443 - HIER_DIRECT/1.2.3.4 -",
            "1718000000.123 245 10.1.2.3 TCP_TUNNEL/2000 5230 CONNECT chatgpt.com:443 - HIER_DIRECT/1.2.3.4 -",
            "1718000000.123 245 10.1.2.3 /200 5230 CONNECT chatgpt.com:443 - HIER_DIRECT/1.2.3.4 -",
            "123456789012.000 245 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT chatgpt.com:443 - HIER_DIRECT/1.2.3.4 -",
            "1718000000.123 245 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT [2001:db8::1:443 - HIER_DIRECT/1.2.3.4 -",
            "2024/06/10 12:00:00| storeDirWriteCleanLogs: Starting...",
    })
    void refusesLinesThatAreNotInTheNativeFormat(String garbage) {
        assertThat(SquidLineParser.parseLine(garbage)).isEmpty();
    }

    @Test
    void aFailedParseLeavesNothingToRead() {
        SquidLineParser parser = new SquidLineParser();
        byte[] good = "1718000000.123 1 10.0.0.1 TCP_MISS/200 1 GET http://a.fr/ bob HIER_NONE/- -".getBytes(StandardCharsets.US_ASCII);
        assertThat(parser.parse(good, 0, good.length)).isTrue();
        byte[] bad = "nothing".getBytes(StandardCharsets.US_ASCII);
        assertThat(parser.parse(bad, 0, bad.length)).isFalse();
        assertThatThrownBy(parser::user).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void parsesARangeInsideALargerBuffer() {
        byte[] buf = ("xxx1718000000.123 1 10.0.0.1 TCP_MISS/200 1 GET http://a.fr/ bob HIER_NONE/- -yyy").getBytes(StandardCharsets.US_ASCII);
        SquidLineParser parser = new SquidLineParser();
        assertThat(parser.parse(buf, 3, buf.length - 3)).isTrue();
        assertThat(parser.host()).isEqualTo("a.fr");
        assertThat(parser.user()).isEqualTo("bob");
    }

    @Test
    void toStringNeverShowsTheClientOrTheUser() {
        SquidLogLine line = SquidLineParser.parseLine(
                "1718000000.123    245 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT chatgpt.com:443 jdupont HIER_DIRECT/1.2.3.4 -").orElseThrow();
        assertThat(line.toString()).contains("chatgpt.com").doesNotContain("10.1.2.3").doesNotContain("jdupont");
    }

    @Property
    void neverThrowsOnArbitraryBytes(@ForAll @Size(max = 300) byte[] bytes) {
        SquidLineParser parser = new SquidLineParser();
        if (parser.parse(bytes, 0, bytes.length)) {
            assertThat(parser.host()).isNotNull();
            parser.clientAddress();
            parser.user();
        }
    }

    @Property
    void neverThrowsOnMangledRealLines(@ForAll("mangled") String line) {
        SquidLineParser.parseLine(line);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> mangled() {
        String real = "1718000000.123    245 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT chatgpt.com:443 jdupont HIER_DIRECT/104.18.32.47 -";
        return net.jqwik.api.Arbitraries.integers().between(0, real.length())
                .flatMap(cut -> net.jqwik.api.Arbitraries.strings().ofMaxLength(20)
                        .map(noise -> real.substring(0, cut) + noise + real.substring(cut)));
    }

    private static String host(String methodAndUrl) {
        return SquidLineParser.parseLine("1718000000.123 12 10.0.0.1 TCP_MISS/200 10 " + methodAndUrl + " - HIER_NONE/- -")
                .orElseThrow(() -> new AssertionError("not parsed: " + methodAndUrl)).host();
    }
}
