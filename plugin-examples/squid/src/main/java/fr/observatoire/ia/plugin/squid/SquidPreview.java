package fr.observatoire.ia.plugin.squid;

import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.model.AiUsage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A command line to try the plugin without an observatory: what would it count in this log, and with which
 * inventory entries? Nothing is sent (the observatory is the no-op) and, as everywhere in the plugin, no
 * address or user name is printed.
 * <pre>
 * java -cp observatoire-plugin-squid.jar:observatoire-api.jar fr.observatoire.ia.plugin.squid.SquidPreview \
 *      scan /var/log/squid/access.log [--catalogue my-ai-services.txt] [--subnets subnets.txt]
 * java ... SquidPreview generate access.log 100000 [seed]
 * </pre>
 */
public final class SquidPreview {
    private SquidPreview() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit status (0 done, 1 failed, 2 bad usage). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length >= 2 && args[0].equals("scan")) {
                return scan(args, out, err);
            }
            if ((args.length == 3 || args.length == 4) && args[0].equals("generate")) {
                long seed = args.length == 4 ? Long.parseLong(args[3]) : 1L;
                SquidLogGenerator.GeneratedLog log = SquidLogGenerator.withSeed(seed).write(Path.of(args[1]), Long.parseLong(args[2]));
                out.printf("wrote %d lines (%d to AI services, %d of them served) to %s%n", log.lines(), log.aiLines(), log.aiServed(), args[1]);
                return 0;
            }
        } catch (IOException | SquidConfigException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (NumberFormatException e) {
            err.println("error: not a number: " + e.getMessage());
            return 2;
        }
        err.println("usage: SquidPreview scan LOG [--catalogue FILE] [--subnets FILE]");
        err.println("       SquidPreview generate FILE LINES [SEED]");
        return 2;
    }

    private static int scan(String[] args, PrintStream out, PrintStream err) throws IOException {
        AiServiceCatalogue catalogue = AiServiceCatalogue.builtIn();
        SubnetServiceMap subnets = SubnetServiceMap.empty();
        for (int i = 2; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                err.println("error: " + args[i] + " needs a file");
                return 2;
            }
            switch (args[i]) {
                case "--catalogue" -> catalogue = catalogue.extendedWith(Path.of(args[i + 1]));
                case "--subnets" -> subnets = SubnetServiceMap.load(Path.of(args[i + 1]));
                default -> {
                    err.println("error: unknown option " + args[i]);
                    return 2;
                }
            }
        }
        ScanResult result = new SquidLogScanner(Observatory.noop(), catalogue, subnets).scan(Path.of(args[1]));
        out.printf("catalogue %s, %d subnet rules%n", catalogue.version(), subnets.size());
        out.printf("lines %d, AI accesses %d, refused %d, malformed %d, bytes %d%n",
                result.linesRead(), result.matched(), result.refused(), result.malformed(), result.bytesConsumed());
        if (result.earliest() != null) {
            out.printf("from %s to %s%n", result.earliest(), result.latest());
        }
        result.counts().forEach(c -> out.printf("  %-14s %-22s %d%n", c.usageId(), c.service(), c.count()));
        List<AiUsage> usages = ShadowAiInventory.usages(catalogue, result);
        out.println("inventory entries:");
        usages.forEach(u -> out.printf("  %-14s %s (%s), %s, %s, %s, services %s%n", u.id(), u.name(), u.provider(), u.hosting(),
                u.purpose(), u.governance(), u.services()));
        out.println("cursor " + result.cursor().encode());
        result.failure().ifPresent(p -> out.println("stopped early: " + p));
        return 0;
    }
}
