package fr.observatoire.ia.server.registry;

import fr.observatoire.ia.model.Identifiers;
import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.server.web.Csv;
import fr.observatoire.ia.server.web.Paging;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The public register of AI usages (only those a collectivité chose to publish) and its exports to the registers
 * that already exist (docs/register-exports.md).
 */
@Path("/api/v1/registry")
@Produces(MediaType.APPLICATION_JSON)
public class RegistryResource {
    private final RegisterService register;

    @Inject
    RegistryResource(RegisterService register) {
        this.register = register;
    }

    @GET
    @Path("/usages")
    @Operation(summary = "The public register: usages the collectivités chose to publish, from their latest declaration")
    public List<PublicUsage> usages(@QueryParam("siren") String siren, @QueryParam("departement") String departement,
                                    @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Paging paging = Paging.of(limit, offset);
        return register.usages(selection(siren, departement), paging.limit(), paging.offset());
    }

    @GET
    @Path("/exports")
    @Operation(summary = "The available exports, with the fields of each standard no declaration can fill")
    public List<Map<String, Object>> exports() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RegisterExport export : register.exports()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", export.id());
            json.put("standard", export.standard());
            json.put("unmapped", export.unmapped());
            json.put("json", "/api/v1/registry/exports/" + export.id());
            json.put("csv", "/api/v1/registry/exports/" + export.id() + "?format=csv");
            list.add(json);
        }
        return list;
    }

    @GET
    @Path("/exports/{standard}")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(summary = "The public register in a register's format: algoritmeregister, atrs, etalab, ai-act-annex-viii",
            description = "JSON by default; format=csv gives one line per usage, nested fields joined with dots.")
    public Response export(@PathParam("standard") String standard, @QueryParam("siren") String siren,
                           @QueryParam("departement") String departement, @QueryParam("format") String format) {
        RegisterExport export = register.export(standard);
        boolean csv = csv(format);
        List<Map<String, Object>> records = new ArrayList<>();
        for (PublicUsage usage : register.usages(selection(siren, departement), RegisterService.MAX_EXPORT, 0)) {
            if (export.covers(usage)) {
                Map<String, Object> record = new LinkedHashMap<>(export.record(usage));
                record.put("source_declaration_hash", usage.source().declarationHash());
                record.put("source_declaration_id", usage.source().declarationId().toString());
                records.add(record);
            }
        }
        if (csv) {
            return Response.ok(csv(records), Csv.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + export.id() + ".csv\"").build();
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("standard", export.standard());
        json.put("unmapped", export.unmapped());
        json.put("records", records);
        return Response.ok(json, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/territory/{departement}")
    @Operation(summary = "A département's EPCI and communes, whether each is registered, and what it declared publicly")
    public Territory territory(@PathParam("departement") String departement) {
        if (!Identifiers.isValidDepartementCode(departement)) {
            throw new ApiProblem(ProblemType.INVALID_PARAMETER, "'" + departement + "' is not a département code (01 to 95, 2A, 2B, 971 to 976)");
        }
        return register.territory(departement);
    }

    private RegisterRepository.Selection selection(String siren, String departement) {
        if (siren != null && !Identifiers.isValidSiren(siren)) {
            throw new ApiProblem(ProblemType.INVALID_PARAMETER, "'siren' must be 9 digits with a valid Luhn key, was '" + siren + "'");
        }
        if (departement != null) {
            if (!Identifiers.isValidDepartementCode(departement)) {
                throw new ApiProblem(ProblemType.INVALID_PARAMETER, "'departement' must be a département code, was '" + departement + "'");
            }
            register.departement(departement);
        }
        return new RegisterRepository.Selection(siren, departement);
    }

    private static boolean csv(String format) {
        if (format == null || format.equals("json")) {
            return false;
        }
        if (format.equals("csv")) {
            return true;
        }
        throw new ApiProblem(ProblemType.INVALID_PARAMETER, "'format' must be json or csv, was '" + format + "'");
    }

    /** One line per record; the columns are the union of the records' flattened fields, in first-seen order. */
    private static String csv(List<Map<String, Object>> records) {
        List<Map<String, Object>> flat = records.stream().map(Csv::flatten).toList();
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        flat.forEach(r -> columns.addAll(r.keySet()));
        List<String> header = List.copyOf(columns);
        List<List<?>> rows = new ArrayList<>();
        for (Map<String, Object> r : flat) {
            List<Object> row = new ArrayList<>();
            header.forEach(c -> row.add(r.get(c)));
            rows.add(row);
        }
        return Csv.write(header, rows);
    }
}
