package fr.observatoire.ia.server.collectivite;

import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.Identifiers;
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
import fr.observatoire.ia.server.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Arrays;
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

    @Inject
    CollectiviteService(Database database, CollectiviteRepository collectivites, EnrolmentCodeService codeService,
                        EnrolmentCodeRepository codes, SigningKeyRepository keys) {
        this.database = database;
        this.collectivites = collectivites;
        this.codeService = codeService;
        this.codes = codes;
        this.keys = keys;
    }

    /** Registers a collectivité and issues its first enrolment code, in one transaction. */
    public RegistrationResponse register(RegistrationRequest request) {
        Collectivite collectivite = validate(request);
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
        return new RegistrationResponse(collectivite.siren(), collectivite.kind(), collectivite.name(), collectivite.inseeCode(),
                collectivite.uai(), code.enrolmentCode(), code.expiresAt());
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
                    .map(c -> new CollectiviteView(c.siren(), c.kind(), c.name(), c.inseeCode(), c.uai(), c.population(),
                            c.registeredAt(), keysBySiren.getOrDefault(c.siren(), List.of()).stream()
                            .anyMatch(k -> k.state() == KeyState.ACTIVE)))
                    .toList();
        });
    }

    public List<AdminCollectiviteView> adminList() {
        return database.read(connection -> {
            Map<String, List<EnrolledKey>> keysBySiren = keys.bySiren(connection);
            var pending = codes.pendingUntilBySiren(connection);
            return collectivites.all(connection).stream()
                    .map(c -> new AdminCollectiviteView(c.siren(), c.kind(), c.name(), c.inseeCode(), c.uai(), c.population(),
                            c.registeredAt(), keysBySiren.getOrDefault(c.siren(), List.of()).stream()
                            .map(k -> new AdminCollectiviteView.KeyView(k.kid(), k.state(), k.enrolledAt())).toList(),
                            pending.get(c.siren())))
                    .toList();
        });
    }

    /** Checks the request with the model's rules (the same a declaration's declarant must pass). */
    private static Collectivite validate(RegistrationRequest request) {
        if (!Identifiers.isValidSiren(request.siren())) {
            throw new ApiProblem(ProblemType.INVALID_SIREN,
                    "'siren' must be 9 digits with a valid Luhn key, was '" + request.siren() + "'");
        }
        DeclarantKind kind = parseKind(request.kind());
        if (request.name() == null || request.name().isBlank()) {
            throw new ApiProblem(ProblemType.INVALID_DECLARANT, "'name' is required");
        }
        if (request.population() != null && request.population() < 0) {
            throw new ApiProblem(ProblemType.INVALID_DECLARANT, "'population' must be >= 0, was " + request.population());
        }
        Declarant declarant;
        try {
            declarant = new Declarant(kind, request.siren(), request.inseeCode(), request.uai(), request.name().strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiProblem(ProblemType.INVALID_DECLARANT, e.getMessage());
        }
        return new Collectivite(declarant.siren(), declarant.kind(), declarant.name(), declarant.inseeCode(), declarant.uai(),
                request.population(), Sql.now());
    }

    private static DeclarantKind parseKind(String kind) {
        try {
            return DeclarantKind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiProblem(ProblemType.INVALID_DECLARANT,
                    "'kind' must be one of " + Arrays.toString(DeclarantKind.values()) + ", was '" + kind + "'");
        }
    }

    private static ApiProblem alreadyRegistered(String siren) {
        return new ApiProblem(ProblemType.COLLECTIVITE_EXISTS, "a collectivité is already registered with the SIREN '" + siren
                + "'; to enrol a new key, ask for a new enrolment code");
    }
}
