package fr.observatoire.ia.plugin.glpi;

import java.util.Optional;

/** How the plugin authenticates; the kind decides which GLPI API it talks to. */
sealed interface Credentials {

    /** Legacy API ({@code apirest.php}): a user's API token, and the API client's App-Token when GLPI asks for one. */
    record UserToken(Secret userToken, Optional<Secret> appToken) implements Credentials {
    }

    /** GLPI 11 v2 API: OAuth2 password grant of a GLPI OAuth client, scope {@code api}. */
    record OAuthPassword(String clientId, Secret clientSecret, String username, Secret password) implements Credentials {
        @Override
        public String toString() {
            // The user name of the API account is a person's login in many collectivités: not printed either.
            return "OAuthPassword[clientId=" + clientId + ", clientSecret=****, username=****, password=****]";
        }
    }
}
