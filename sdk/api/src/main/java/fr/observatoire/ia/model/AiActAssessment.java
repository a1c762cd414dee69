package fr.observatoire.ia.model;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * The collectivité's assessment of a usage under the EU AI Act.
 *
 * @param riskClass       risk class
 * @param annexIiiPoint   for a high-risk system, its Annex III point, e.g. {@code 5(a)}; null otherwise
 * @param euDatabaseUrl   for a high-risk system, the URL of the provider's entry in the EU database (art. 71), if known
 * @param dpiaSummaryUrl  URL of the published summary of the data-protection impact assessment, if any
 * @param friaSummaryUrl  URL of the published summary of the fundamental-rights impact assessment (art. 27), if any
 */
public record AiActAssessment(AiActRiskClass riskClass, String annexIiiPoint, URI euDatabaseUrl, URI dpiaSummaryUrl,
                              URI friaSummaryUrl) {
    private static final Pattern ANNEX_III_POINT = Pattern.compile("[1-8](\\([a-e]\\))?");

    public AiActAssessment {
        Checks.required(riskClass, "aiAct.riskClass");
        if (riskClass == AiActRiskClass.HIGH) {
            if (annexIiiPoint == null || !ANNEX_III_POINT.matcher(annexIiiPoint).matches()) {
                throw new IllegalArgumentException("aiAct.annexIiiPoint is required for a high-risk usage, as a point of Annex III such as '5(a)', was '"
                        + annexIiiPoint + "'");
            }
        } else if (annexIiiPoint != null) {
            throw new IllegalArgumentException("aiAct.annexIiiPoint only applies to a high-risk usage, this one is " + riskClass);
        }
        requireHttps(euDatabaseUrl, "aiAct.euDatabaseUrl");
        requireHttps(dpiaSummaryUrl, "aiAct.dpiaSummaryUrl");
        requireHttps(friaSummaryUrl, "aiAct.friaSummaryUrl");
    }

    public static AiActAssessment of(AiActRiskClass riskClass) {
        return new AiActAssessment(riskClass, null, null, null, null);
    }

    private static void requireHttps(URI uri, String field) {
        if (uri != null && !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(field + " must be an http(s) URL, was '" + uri + "'");
        }
    }
}
