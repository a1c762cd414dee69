package fr.observatoire.ia.server.collectivite;

import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.db.DatabaseException;
import fr.observatoire.ia.server.db.Sql;
import fr.observatoire.ia.server.enrolment.EnrolledKey;
import fr.observatoire.ia.server.enrolment.EnrolmentCodeRepository;
import fr.observatoire.ia.server.enrolment.EnrolmentCodeService;
import fr.observatoire.ia.server.enrolment.IssuedCode;
import fr.observatoire.ia.server.enrolment.KeyState;
import fr.observatoire.ia.server.enrolment.SigningKeyRepository;
import fr.observatoire.ia.server.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/** The observatory's register of collectivités: registration, enrolment codes, lists. */
@ApplicationScoped
public class CollectiviteService {
    private static final Logger LOG = Logger.getLogger(CollectiviteService.class);

    private final Database database;
    private final CollectiviteRepository collectivites;
    private final EnrolmentCodeService codeService;
    private final EnrolmentCodeRepository codes;
    private final SigningKeyRepository keys;
    private final RegistrationResolver resolver;

    @Inject
    CollectiviteService(Database database, CollectiviteRepository collectivites, EnrolmentCodeService codeService,
                        EnrolmentCodeRepository codes, SigningKeyRepository keys, RegistrationResolver resolver) {
        this.database = database;
        this.collectivites = collectivites;
        this.codeService = codeService;
        this.codes = codes;
        this.keys = keys;
        this.resolver = resolver;
    }

    /** Registers a collectivité and issues its first enrolment code, in one transaction. */
    public RegistrationResponse register(RegistrationRequest request) {
        Collectivite collectivite = resolver.resolve(request, Sql.now());
        IssuedCode code;
        try {
            code = database.inTransaction(connection -> {
                if (collectivites.exists(connection, collectivite.siren())) {
                    throw alreadyRegistered(collectivite.siren());
                }
                collectivites.insert(connection, collectivite);
                return codeService.issue(connection, collectivite.siren());
            });
        } catch (DatabaseException e) {
            if (e.isUniqueViolation()) {
                throw alreadyRegistered(collectivite.siren());
            }
            throw e;
        }
        LOG.infof("registered %s %s (SIREN %s)", collectivite.kind(), collectivite.name(), collectivite.siren());
        return RegistrationResponse.of(collectivite, code);
    }

    /** A fresh enrolment code; the collectivité's unused older codes stop working. */
    public IssuedCode newEnrolmentCode(String siren) {
        return database.inTransaction(connection -> {
            if (!collectivites.exists(connection, siren)) {
                throw new ApiProblem(ProblemType.COLLECTIVITE_NOT_FOUND, "no collectivité is registered with the SIREN '" + siren + "'");
            }
            return codeService.issue(connection, siren);
        });
    }

    public List<CollectiviteView> publicList() {
        return database.read(connection -> {
            Map<String, List<EnrolledKey>> keysBySiren = keys.bySiren(connection);
            return collectivites.all(connection).stream()
                    .map(c -> CollectiviteView.of(c, keysBySiren.getOrDefault(c.siren(), List.of()).stream()
                            .anyMatch(k -> k.state() == KeyState.ACTIVE)))
                    .toList();
        });
    }

    public List<AdminCollectiviteView> adminList() {
        return database.read(connection -> {
            Map<String, List<EnrolledKey>> keysBySiren = keys.bySiren(connection);
            var pending = codes.pendingUntilBySiren(connection);
            return collectivites.all(connection).stream()
                    .map(c -> AdminCollectiviteView.of(c, keysBySiren.getOrDefault(c.siren(), List.of()).stream()
                            .map(k -> new AdminCollectiviteView.KeyView(k.kid(), k.state(), k.enrolledAt())).toList(),
                            pending.get(c.siren())))
                    .toList();
        });
    }

    private static ApiProblem alreadyRegistered(String siren) {
        return new ApiProblem(ProblemType.COLLECTIVITE_EXISTS, "a collectivité is already registered with the SIREN '" + siren
                + "'; to enrol a new key, ask for a new enrolment code");
    }
}
