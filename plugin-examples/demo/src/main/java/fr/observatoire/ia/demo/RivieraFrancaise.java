package fr.observatoire.ia.demo;

import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.PeriodKind;
import fr.observatoire.ia.plugin.squid.SquidLogGenerator;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Communauté d'agglomération de la Riviera Française (SIREN 240600551 in the referential, 15 communes around
 * Menton): no Java application of its own, so its DSI installs the standalone agent and points it at what it already
 * runs, its GLPI helpdesk, its Alfresco GED and its Squid proxy's log.
 *
 * <p>The agent has no file for a hand-written inventory: the usages it declares are those its plugins bring. The
 * Squid catalogue is where the DSI says that Le Chat Pro is the tool the agglomeration chose ({@code SANCTIONED}); its
 * id, {@code lechat}, is then also the usage that GLPI's access requests and the GED's AI-drafted documents count for.
 */
final class RivieraFrancaise {
    static final String SIREN = "240600551";
    static final String USAGE_ID = "lechat";
    static final int SQUID_LINES = 30_000;

    private static final DateTimeFormatter GLPI_SINCE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private static final String SUBNETS = """
            # Plan d'adressage de la CA de la Riviera Française : sous-réseau, service (le plus long préfixe l'emporte).
            10.1.2.0/24     HUMAN_RESOURCES
            10.1.3.0/24     FINANCE
            10.2.7.0/24     TECHNICAL_SERVICES
            10.2.8.0/24     URBAN_PLANNING
            172.16.5.0/24   INFORMATION_SYSTEMS
            default         TRANSVERSAL
            """;

    private static final String CATALOGUE = """
            @version 1
            # Services d'IA ajoutés ou précisés par la DSI, au format du catalogue intégré
            # (id | nom | fournisseur | hébergement | finalité | domaines | gouvernance).
            # Le Chat Pro est l'outil retenu par l'agglomération : son usage est autorisé, ce n'est pas du « shadow AI ».
            lechat | Le Chat Pro | Mistral AI | EU_CLOUD | DRAFTING | chat.mistral.ai mistral.ai | SANCTIONED
            """;

    private RivieraFrancaise() {
    }

    static Declarant declarant() {
        return new Declarant(DeclarantKind.EPCI, SIREN, null, null, "CA de la Riviera Française");
    }

    static String story() {
        return "agent autonome : GLPI, GED Alfresco (CMIS) et proxy Squid";
    }

    /** What the demo put in place for the agent: its configuration, and the log it reads. */
    record Setup(Path config, Path dataDir, Path squidLog, SquidLogGenerator.GeneratedLog generated) {
    }

    /**
     * Writes the Squid log, the subnet map, the catalogue and the agent's configuration into {@code dir}, as the DSI
     * of the agglomeration would on its server.
     */
    static Setup prepare(Path dir, URI endpoint, DemoSources sources, Instant now) throws IOException {
        Path squid = Files.createDirectories(dir.resolve("squid"));
        Path log = squid.resolve("access.log");
        SquidLogGenerator.GeneratedLog generated = SquidLogGenerator.withSeed(2406).startMillis(now.toEpochMilli() - 86_400_000L)
                .write(log, SQUID_LINES);
        Path subnets = Files.writeString(squid.resolve("sous-reseaux.txt"), SUBNETS, StandardCharsets.UTF_8);
        Path catalogue = Files.writeString(squid.resolve("services-ia.txt"), CATALOGUE, StandardCharsets.UTF_8);
        Path dataDir = dir.resolve("donnees");

        LocalDateTime glpiSince = LocalDateTime.ofInstant(now, DemoSources.GLPI_ZONE).minusDays(7).truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> glpi = new LinkedHashMap<>();
        glpi.put("url", sources.glpiUrl().toString());
        glpi.put("api", "legacy");
        glpi.put("user-token", DemoGlpi.USER_TOKEN);
        glpi.put("app-token", DemoGlpi.APP_TOKEN);
        glpi.put("categories.incident", DemoGlpi.CATEGORY_ERROR + ":FACTUAL_ERROR;" + DemoGlpi.CATEGORY_PERSONAL_DATA
                + ":PERSONAL_DATA_DISCLOSURE;" + DemoGlpi.CATEGORY_INAPPROPRIATE + ":INAPPROPRIATE_ANSWER;" + DemoGlpi.CATEGORY_OUTAGE
                + ":SERVICE_OUTAGE");
        glpi.put("categories.usage-request", DemoGlpi.CATEGORY_ACCESS_REQUEST + ":" + USAGE_ID);
        glpi.put("entities", DemoGlpi.ENTITY_SERVICES.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(";")));
        glpi.put("page-size", "10");
        glpi.put("settle-delay", "PT30M");
        glpi.put("since", GLPI_SINCE.format(glpiSince));

        Map<String, String> cmis = new LinkedHashMap<>();
        cmis.put("url", sources.cmisUrl().toString());
        cmis.put("username", DemoGed.USERNAME);
        cmis.put("password", DemoGed.PASSWORD);
        cmis.put("marker.aspect", DemoGed.ASPECT);
        DemoGed.SITE_SERVICES.forEach((service, site) -> cmis.put("services." + service, site));
        cmis.put("usage-id", USAGE_ID);
        cmis.put("page-size", "25");
        cmis.put("settle", "PT1M");
        cmis.put("since", now.minus(30, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC).toLocalDate().toString());

        Path config = new AgentConfigFile()
                .comment("Configuration de l'agent de l'Observatoire IA pour la CA de la Riviera Française,")
                .comment("écrite par la démonstration comme la DSI l'écrirait après « observatoire-agent init ».")
                .comment("GLPI et la GED sont simulés par WireMock sur " + sources.baseUrl() + " tant que la démonstration tourne.")
                .blank()
                .declarant(declarant(), PeriodKind.WEEK, endpoint, dataDir)
                .blank()
                .comment("--- Plugins ---")
                .set("observatoire.plugins.enabled", "squid,glpi,cmis")
                .blank()
                .comment("Squid : usage d'IA publiques relevé dans le journal du proxy (ni adresse IP ni nom d'agent ne sort).")
                .set("observatoire.plugins.squid.log", log.toAbsolutePath())
                .set("observatoire.plugins.squid.subnets", subnets.toAbsolutePath())
                .set("observatoire.plugins.squid.catalogue", catalogue.toAbsolutePath())
                .blank()
                .comment("GLPI (API historique apirest.php) : tickets des catégories IA, comptés à leur ouverture.")
                .comment("Les demandes d'accès (catégorie " + DemoGlpi.CATEGORY_ACCESS_REQUEST + ") comptent pour l'usage « " + USAGE_ID
                        + " » que le catalogue Squid décrit.")
                .setAll(prefixed("observatoire.plugins.glpi.", glpi))
                .blank()
                .comment("GED Alfresco (CMIS, browser binding) : documents portant l'aspect " + DemoGed.ASPECT + ", par site.")
                .setAll(prefixed("observatoire.plugins.cmis.", cmis))
                .write(dir.resolve(AgentConfigFile.FILE_NAME));
        return new Setup(config, dataDir, log, generated);
    }

    private static Map<String, String> prefixed(String prefix, Map<String, String> settings) {
        Map<String, String> keys = new LinkedHashMap<>();
        settings.forEach((key, value) -> keys.put(prefix + key, value));
        return keys;
    }
}
