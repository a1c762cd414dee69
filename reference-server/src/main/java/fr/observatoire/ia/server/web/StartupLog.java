package fr.observatoire.ia.server.web;

import fr.observatoire.ia.server.db.Database;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/** One line that says where the observatory answers and on which database, for whoever started it. */
@ApplicationScoped
public class StartupLog {
    private static final Logger LOG = Logger.getLogger(StartupLog.class);

    void started(@Observes StartupEvent event, Database database) {
        var config = ConfigProvider.getConfig();
        int port = config.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        String host = config.getOptionalValue("quarkus.http.host", String.class)
                .filter(h -> !h.equals("0.0.0.0") && !h.equals("::"))
                .orElse("localhost");
        LOG.infof("Observatoire de l'IA dans les collectivités: http://%s:%d/ (API /api/v1, health /q/health, OpenAPI /q/openapi; database %s)",
                host, port, database.description());
    }
}
