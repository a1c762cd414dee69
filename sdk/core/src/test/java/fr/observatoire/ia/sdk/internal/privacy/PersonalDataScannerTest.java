package fr.observatoire.ia.sdk.internal.privacy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataScannerTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Demande de jean.dupont@ville-nice.fr sur le courrier | EMAIL",
            "contact:Marie.Curie+ia@mairie.example.org. | EMAIL",
            "poste 192.168.12.34 bloqué | IPV4",
            "10.0.0.12 | IPV4",
            "vu depuis 2001:db8:85a3::8a2e:370:7334 hier | IPV6",
            "fe80::1ff:fe23:4567:890a | IPV6",
            "2001:0db8:0000:0000:0000:ff00:0042:8329 | IPV6",
            "rappeler au 06 12 34 56 78 | PHONE_FR",
            "0612345678 | PHONE_FR",
            "tél. +33 6 12 34 56 78 | PHONE_FR",
            "+33(0)4.93.13.20.00 | PHONE_FR",
            "01-23-45-67-89 | PHONE_FR",
            "NIR 1 85 05 78 006 084 91 | NIR",
            "185057800608491 | NIR",
            "2850578006084 | NIR",
            "né en Corse 1 85 05 2A 006 084 | NIR",
            "virement FR76 3000 6000 0112 3456 7890 189 reçu | IBAN",
            "fr7630006000011234567890189 | IBAN",
            "DE89370400440532013000 | IBAN"})
    void finds_personal_data_by_its_shape(String text, PersonalDataKind kind) {
        assertThat(PersonalDataScanner.find(text)).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Aide à la rédaction des courriers, relue par un agent avant envoi.",
            "Classement des dossiers d'aide facultative par ordre de complétude.",
            "Réunion de 10:30 à 12:00, version 2.3.1 du modèle",
            "Mistral Large 2.1, GPT-4o, Llama 3.1 70B",
            "Annexe III point 5(a), article L312-1-3 du CRPA",
            "SIREN 210600888, code INSEE 06088, UAI 0061234A",
            "https://ec.europa.eu/ai-database/entry/123",
            "std::vector et a::b",
            "1 289 demandes traitées en 2025",
            "FR76 3000 6000 0112 3456 7890 180",
            "redaction-courriers",
            "l'agent a répondu à 14h05 le 12.03.2025"})
    void leaves_ordinary_register_text_alone(String text) {
        assertThat(PersonalDataScanner.find(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 85 05 78 006 084 37", "185057800608437", "2 85 05 2B 006 084"})
    void a_nir_is_recognised_by_its_shape_even_with_a_wrong_or_missing_key(String text) {
        assertThat(PersonalDataScanner.find(text)).contains(PersonalDataKind.NIR);
    }
}
