package fr.observatoire.ia.server.opendata;

import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.server.web.Csv;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;

/** Stable URLs of the open data: /opendata/datapackage.json, /opendata/{dataset}.csv and .json. */
@Path("/opendata")
public class OpenDataResource {
    private final OpenData openData;

    @Inject
    OpenDataResource(OpenData openData) {
        this.openData = openData;
    }

    @GET
    @Path("/datapackage.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The Data Package descriptor (frictionless): resources, Table Schemas, licence etalab-2.0")
    public Map<String, Object> datapackage() {
        return openData.datapackage();
    }

    @GET
    @Path("/{file}")
    @Produces({Csv.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "A dataset as CSV (with its Table Schema in datapackage.json) or as JSON")
    public Response file(@PathParam("file") String file) {
        int dot = file.lastIndexOf('.');
        String extension = dot < 0 ? "" : file.substring(dot + 1);
        Dataset dataset = openData.dataset(dot < 0 ? file : file.substring(0, dot));
        return switch (extension) {
            case "csv" -> Response.ok(OpenData.csv(dataset), Csv.MEDIA_TYPE)
                    .header("Content-Disposition", "inline; filename=\"" + file + "\"").build();
            case "json" -> Response.ok(OpenData.json(dataset), MediaType.APPLICATION_JSON).build();
            default -> throw new ApiProblem(ProblemType.NOT_FOUND, "no file '" + file + "'; datasets are served as .csv and .json");
        };
    }
}
