package fr.observatoire.ia.loadgen;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The command line: {@code <server URL> <admin token> [--collectivites N] [--threads T] [--duration D]
 * [--warmup W] [--max-declarations M] [--batch B] [--server-pid P] [--measure-indexing 1]}. With {@code --batch} above 1, each
 * request carries B declarations ({@code POST /api/v1/declarations/batch}). With {@code --server-pid}, the server's
 * CPU time is accounted next to PostgreSQL's and the generator's own. With {@code --measure-indexing 1}, once the load has
 * ended, one statistics query makes the server index every declaration stored (start the server with its background indexer
 * paused) and its time and CPU are reported. The load is bounded in count and in time, and only ever sent to
 * this machine: a load generator must not be a flooding tool.
 */
record Options(URI server, String adminToken, int collectivites, int threads, Duration duration, Duration warmup, int maxDeclarations,
              int batch, Optional<Long> serverPid, boolean measureIndexing) {
    static final String USAGE = "usage: java -jar observatoire-load-generator.jar <server URL on loopback> <admin token>"
            + " [--collectivites 64] [--threads 16] [--duration 30] [--warmup 10] [--max-declarations 200000] [--batch 1] [--server-pid PID]"
            + " [--measure-indexing 0]";
    private static final int MAX_DECLARATIONS_CAP = 1_000_000;
    private static final long MAX_SECONDS = 600;

    static Options parse(String[] args) {
        if (args.length < 2 || args.length % 2 != 0) {
            throw new IllegalArgumentException(USAGE);
        }
        Map<String, String> flags = new HashMap<>();
        for (int i = 2; i < args.length; i += 2) {
            flags.put(args[i], args[i + 1]);
        }
        URI server = URI.create(args[0].endsWith("/") ? args[0].substring(0, args[0].length() - 1) : args[0]);
        requireLoopback(server);
        Options options = new Options(server, args[1],
                number(flags, "--collectivites", 64, 1, 100_000),
                number(flags, "--threads", 16, 1, 1024),
                Duration.ofSeconds(number(flags, "--duration", 30, 1, MAX_SECONDS)),
                Duration.ofSeconds(number(flags, "--warmup", 10, 0, MAX_SECONDS)),
                number(flags, "--max-declarations", 200_000, 1, MAX_DECLARATIONS_CAP),
                number(flags, "--batch", 1, 1, 500),
                flags.containsKey("--server-pid") ? Optional.of((long) number(flags, "--server-pid", 0, 1, Integer.MAX_VALUE)) : Optional.empty(),
                number(flags, "--measure-indexing", 0, 0, 1) == 1);
        flags.keySet().removeAll(java.util.Set.of("--collectivites", "--threads", "--duration", "--warmup", "--max-declarations", "--batch",
                "--server-pid", "--measure-indexing"));
        if (!flags.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + flags.keySet() + "\n" + USAGE);
        }
        return options;
    }

    private static void requireLoopback(URI server) {
        if (server.getHost() == null || !("http".equals(server.getScheme()) || "https".equals(server.getScheme()))) {
            throw new IllegalArgumentException("'" + server + "' is not an http(s) URL\n" + USAGE);
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(server.getHost())) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException(server.getHost() + " is not this machine (" + address.getHostAddress()
                            + "): the load generator only targets a server on the loopback interface");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + server.getHost(), e);
        }
    }

    private static int number(Map<String, String> flags, String name, int absent, long min, long max) {
        String text = flags.get(name);
        if (text == null) {
            return absent;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return (int) value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", was '" + text + "'");
    }
}
