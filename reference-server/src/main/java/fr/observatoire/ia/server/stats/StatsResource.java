package fr.observatoire.ia.server.stats;

import fr.observatoire.ia.server.referential.Referential;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The public, read-only statistics API (docs/statistics.md). */
@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {
    private final StatsService stats;
    private final Referential referential;

    @Inject
    StatsResource(StatsService stats, Referential referential) {
        this.stats = stats;
        this.referential = referential;
    }

    @GET
    @Operation(summary = "Statistics over accepted declarations, protected by statistical confidentiality",
            description = "measure=adoption|usages|agents|activity|incidents, by=dimension,... (at most 3), one filter per "
                    + "dimension (e.g. departement=06), period=week|month|quarter|year, from, to, limit, offset. A hidden cell "
                    + "has suppressed=true and a reason, and no value. See docs/statistics.md and /api/v1/stats/definitions.")
    public Map<String, Object> query(@Context UriInfo uri) {
        StatsQuery query = stats.parse(uri.getQueryParameters());
        return StatsJson.result(stats.run(query));
    }

    @GET
    @Path("/definitions")
    @Operation(summary = "Measures, dimensions, their values and labels, the confidentiality rules, the départements")
    public Map<String, Object> definitions() {
        Map<String, Object> json = new LinkedHashMap<>(StatsJson.definitions(stats.today()));
        List<Map<String, String>> departements = referential.departements().stream()
                .map(d -> Map.of("code", d.code(), "name", d.name())).toList();
        json.put("departements", departements);
        return json;
    }
}
