package fr.observatoire.ia.server.registry;

import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.collectivite.Collectivite;
import fr.observatoire.ia.server.collectivite.CollectiviteRepository;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.index.DeclarationIndexer;
import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.server.referential.Commune;
import fr.observatoire.ia.server.referential.Departement;
import fr.observatoire.ia.server.referential.Epci;
import fr.observatoire.ia.server.referential.Referential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The public register and its exports, always after indexing what was accepted so far. */
@ApplicationScoped
public class RegisterService {
    /** Exports and territory views read at most this many usages; the listing pages through all of them. */
    public static final int MAX_EXPORT = 10_000;

    private final Database database;
    private final DeclarationIndexer indexer;
    private final RegisterRepository register;
    private final CollectiviteRepository collectivites;
    private final Referential referential;
    private final List<RegisterExport> exports;

    @Inject
    RegisterService(Database database, DeclarationIndexer indexer, RegisterRepository register, CollectiviteRepository collectivites,
                    Referential referential, Instance<RegisterExport> exports) {
        this.database = database;
        this.indexer = indexer;
        this.register = register;
        this.collectivites = collectivites;
        this.referential = referential;
        this.exports = exports.stream().sorted(Comparator.comparing(RegisterExport::id)).toList();
    }

    public List<PublicUsage> usages(RegisterRepository.Selection selection, int limit, int offset) {
        indexer.catchUp();
        return database.read(connection -> {
            if (selection.siren() != null && collectivites.find(connection, selection.siren()).isEmpty()) {
                throw new ApiProblem(ProblemType.COLLECTIVITE_NOT_FOUND, "no collectivité is registered with the SIREN '"
                        + selection.siren() + "'");
            }
            return register.list(connection, selection, limit, offset);
        });
    }

    public List<RegisterExport> exports() {
        return exports;
    }

    public RegisterExport export(String id) {
        return exports.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND,
                "no export '" + id + "'; exports are " + exports.stream().map(RegisterExport::id).toList()));
    }

    public Departement departement(String code) {
        return referential.departement(code).orElseThrow(() -> new ApiProblem(ProblemType.UNKNOWN_TERRITORY,
                "the referential (" + referential.source() + ") has no département '" + code + "'"));
    }

    /** The département's EPCI and communes with their public usages, and the other bodies registered there. */
    public Territory territory(String code) {
        Departement departement = departement(code);
        List<PublicUsage> usages = usages(new RegisterRepository.Selection(null, code), MAX_EXPORT, 0);
        Map<String, List<Territory.Usage>> bySiren = new HashMap<>();
        for (PublicUsage p : usages) {
            bySiren.computeIfAbsent(p.organisation().siren(), s -> new ArrayList<>()).add(new Territory.Usage(p.usage().id(),
                    p.usage().name(), p.usage().purpose().name(), p.usage().maturity().name(), p.usage().governance().name(),
                    p.usage().aiAct().riskClass().name()));
        }
        List<Collectivite> registered = database.read(collectivites::all);
        Set<String> registeredSirens = new HashSet<>();
        registered.forEach(c -> registeredSirens.add(c.siren()));
        List<Territory.Place> epcis = new ArrayList<>();
        for (Epci e : referential.epcisOf(code)) {
            epcis.add(new Territory.Place(e.siren(), e.name(), DeclarantKind.EPCI.name(), e.population(), e.stratum().name(), e.siren(),
                    registeredSirens.contains(e.siren()), bySiren.getOrDefault(e.siren(), List.of())));
        }
        List<Territory.Place> communes = new ArrayList<>();
        for (Commune c : referential.communesOf(code)) {
            communes.add(new Territory.Place(c.insee(), c.name(), DeclarantKind.COMMUNE.name(), c.population(), c.stratum().name(),
                    c.epciSiren(), registeredSirens.contains(c.siren()), bySiren.getOrDefault(c.siren(), List.of())));
        }
        List<Territory.Place> others = new ArrayList<>();
        for (Collectivite c : registered) {
            boolean other = c.kind() != DeclarantKind.COMMUNE && c.kind() != DeclarantKind.EPCI;
            if (other && code.equals(c.departement())) {
                others.add(new Territory.Place(c.siren(), c.name(), c.kind().name(), c.population(),
                        c.stratum() == null ? null : c.stratum().name(), c.epciSiren(), true, bySiren.getOrDefault(c.siren(), List.of())));
            }
        }
        return new Territory(departement.code(), departement.name(), epcis, communes, others);
    }
}
