package fr.observatoire.ia.server.opendata;

import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Labelled;
import fr.observatoire.ia.server.registry.PublicUsage;
import fr.observatoire.ia.server.registry.RegisterRepository;
import fr.observatoire.ia.server.registry.RegisterService;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The public register as an open dataset: one row per usage a collectivité chose to publish, as its latest
 * declaration states it, with that declaration's hash so that anyone can check the row against the signed original.
 */
final class RegisterDataset implements Dataset {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final RegisterService register;

    RegisterDataset(RegisterService register) {
        this.register = register;
    }

    @Override
    public String name() {
        return "registre-usages";
    }

    @Override
    public String title() {
        return "Registre public des usages de l'IA des collectivités";
    }

    @Override
    public String description() {
        return "Les usages d'intelligence artificielle que les collectivités ont choisi de rendre publics (niveau de publication "
                + "« registre public »), tels que les décrit leur déclaration signée la plus récente. Les usages réservés aux "
                + "statistiques n'y figurent jamais.";
    }

    @Override
    public List<Field> fields() {
        return List.of(
                Field.string("siren", "SIREN", "SIREN de la collectivité").asRequired(),
                Field.string("code_insee", "Code INSEE", "Code officiel géographique de la collectivité, s'il existe"),
                Field.string("collectivite", "Collectivité", "Nom de la collectivité").asRequired(),
                Field.string("nature", "Nature", "Nature de la collectivité"),
                Field.string("departement", "Département", "Code du département"),
                Field.string("usage_id", "Identifiant de l'usage", "Identifiant stable de l'usage dans l'inventaire de la collectivité").asRequired(),
                Field.string("usage", "Usage", "Nom de l'usage (100 caractères au plus)").asRequired(),
                Field.string("description", "Description", "Description courte (400 caractères au plus)"),
                Field.string("outil", "Outil", "Outil ou produit utilisé"),
                Field.string("fournisseur", "Fournisseur", "Fournisseur de l'outil"),
                Field.string("famille_modele", "Famille de modèle", "Famille de modèle, si elle est connue"),
                Field.string("finalite", "Finalité", "Finalité principale").asRequired(),
                Field.string("maturite", "Maturité", "Idée, expérimentation, pilote, production, généralisé ou abandonné").asRequired(),
                Field.string("encadrement", "Encadrement", "Encadré, toléré ou non déclaré (shadow AI)").asRequired(),
                Field.string("hebergement", "Hébergement", "Où l'usage s'exécute").asRequired(),
                Field.string("classe_ai_act", "Classe de risque AI Act", "Classe de risque selon le règlement européen sur l'IA").asRequired(),
                Field.string("point_annexe_iii", "Point de l'annexe III", "Pour un système à haut risque, son point de l'annexe III"),
                Field.string("services", "Services", "Services concernés, séparés par « ; »"),
                Field.string("obstacles", "Obstacles", "Obstacles et résistances rencontrés, séparés par « ; »"),
                Field.string("categories_donnees", "Catégories de données", "Catégories de données traitées, séparées par « ; »"),
                Field.string("automatisation", "Automatisation", "Niveau d'automatisation et de contrôle humain"),
                Field.string("date_derniere_declaration", "Date de la dernière déclaration", "Date d'émission de la déclaration la plus récente")
                        .as("date").asRequired(),
                Field.string("debut_periode", "Début de la période déclarée", "Premier jour de la période de cette déclaration").as("date").asRequired(),
                Field.string("empreinte_declaration", "Empreinte de la déclaration", "SHA-256 des octets signés de la déclaration source").asRequired(),
                Field.string("id_declaration", "Identifiant de la déclaration", "UUID de la déclaration source").asRequired());
    }

    @Override
    public List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        for (PublicUsage p : register.usages(RegisterRepository.Selection.ALL, RegisterService.MAX_EXPORT, 0)) {
            AiUsage u = p.usage();
            List<Object> row = new ArrayList<>();
            row.add(p.organisation().siren());
            row.add(p.organisation().inseeCode());
            row.add(p.organisation().name());
            row.add(p.organisation().kind().french());
            row.add(p.organisation().departement());
            row.add(u.id());
            row.add(u.name());
            row.add(u.description());
            row.add(u.tool());
            row.add(u.provider());
            row.add(u.modelFamily());
            row.add(u.purpose().french());
            row.add(u.maturity().french());
            row.add(u.governance().french());
            row.add(u.hosting().french());
            row.add(u.aiAct().riskClass().french());
            row.add(u.aiAct().annexIiiPoint());
            row.add(french(u.services()));
            row.add(french(u.obstacles()));
            row.add(french(u.dataCategories()));
            row.add(u.automation().french());
            row.add(p.source().issuedAt().atZone(PARIS).toLocalDate().toString());
            row.add(p.source().periodStart().toString());
            row.add(p.source().declarationHash());
            row.add(p.source().declarationId().toString());
            rows.add(row);
        }
        return rows;
    }

    private static List<String> french(Collection<? extends Labelled> values) {
        return values.stream().map(Labelled::french).toList();
    }
}
