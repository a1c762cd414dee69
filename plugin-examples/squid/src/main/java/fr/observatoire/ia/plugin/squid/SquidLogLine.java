package fr.observatoire.ia.plugin.squid;

/**
 * The fields of one access.log line that the plugin uses. Everything else on the line (URL path, bytes,
 * peer, MIME type) is never extracted.
 *
 * <p>{@code clientAddress} and {@code user} are personal data: they exist only to be handed to the subnet
 * map and to {@code Observatory.agentActive}, which pseudonymises them. {@link #toString()} therefore
 * leaves them out, so that a debugger, a log statement or an assertion message cannot leak them.
 *
 * @param timestampMillis Squid's {@code %ts.%03tu}, in milliseconds since the epoch
 * @param host            lower-case host name (or IP literal) of the request, without port or trailing
 *                        dot; empty when the request had none (e.g. {@code error:invalid-request})
 * @param connect         whether the request was a {@code CONNECT} (an HTTPS tunnel: only the host is known)
 * @param status          HTTP status sent to the client ({@code %>Hs}); 0 when Squid sent none
 * @param clientAddress   the client's address as logged ({@code %>a})
 * @param user            the authenticated user name ({@code %[un}), or null when Squid logged {@code -}
 */
public record SquidLogLine(long timestampMillis, String host, boolean connect, int status, String clientAddress,
                           String user) {

    /** Whether Squid served the request: 1xx to 3xx. Denials (403), auth challenges (407), errors and aborts (000) are not. */
    public boolean successful() {
        return status >= 100 && status < 400;
    }

    @Override
    public String toString() {
        return "SquidLogLine[timestampMillis=" + timestampMillis + ", host=" + host + ", connect=" + connect
                + ", status=" + status + ", clientAddress=<redacted>, user=<redacted>]";
    }
}
