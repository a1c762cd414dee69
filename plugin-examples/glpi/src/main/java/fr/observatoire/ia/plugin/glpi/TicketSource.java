package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.spi.PluginException;

/** A GLPI API session that pages through tickets; one per pull, closed at its end whatever happened. */
interface TicketSource extends AutoCloseable {

    TicketPage page(TicketQuery query) throws PluginException;

    /** Ends the session; never throws, so that it cannot hide the failure of the pull it closes. */
    @Override
    void close();

    /** Opens a session with the API the credentials are for. */
    static TicketSource open(GlpiSettings settings, GlpiHttp http) throws PluginException {
        if (settings.credentials() instanceof Credentials.UserToken token) {
            return LegacyTicketSource.open(settings, token, http);
        }
        return V2TicketSource.open(settings, (Credentials.OAuthPassword) settings.credentials(), http);
    }
}
