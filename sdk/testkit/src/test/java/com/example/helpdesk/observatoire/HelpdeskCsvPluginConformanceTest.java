package com.example.helpdesk.observatoire;

import fr.observatoire.ia.spi.PullPlugin;
import fr.observatoire.ia.testkit.conformance.InvalidSetting;
import fr.observatoire.ia.testkit.conformance.PullPluginConformance;
import fr.observatoire.ia.testkit.conformance.SourceFixture;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The guide's example against the conformance suite: what a plugin author writes. */
public class HelpdeskCsvPluginConformanceTest extends PullPluginConformance {
    private final HelpdeskExportFixture export = new HelpdeskExportFixture();

    @Override
    protected PullPlugin newPlugin() {
        return new HelpdeskCsvPlugin();
    }

    @Override
    protected SourceFixture source() {
        return export;
    }

    @Override
    protected Map<String, String> configuration() {
        return Map.of("url", export.exportUrl(), "usage-id", "assistant-redaction", "token", "s3cr3t-t0ken-4242",
                "timeout", "PT2S");
    }

    @Override
    protected Set<String> forbiddenStrings() {
        return Set.of("Jeanne Martin", "jeanne.martin", "Paul Durand", "Agnès Petit", "agnes.petit", "Bernard Lefèvre",
                "Luc Moreau", "Claire Fontaine", "Bourrage papier", "chatbot a répondu", "Résumé des avis");
    }

    @Override
    protected List<InvalidSetting> invalidSettings() {
        return List.of(InvalidSetting.missing("url"), InvalidSetting.of("url", "ftp://helpdesk.example.fr/export.csv"),
                InvalidSetting.missing("usage-id"), InvalidSetting.of("timeout", "thirty seconds"));
    }
}
