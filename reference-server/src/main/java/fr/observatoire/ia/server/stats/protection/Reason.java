package fr.observatoire.ia.server.stats.protection;

/** Why a cell is not published: the slug travels in the API and the open data. */
public enum Reason {
    /** Built on one or two collectivités. */
    FEWER_THAN_3_COLLECTIVITES("fewer-than-3-collectivites", "moins de 3 collectivités", "fewer than 3 collectivités"),
    /** A count of people (active agents) below 11. */
    FEWER_THAN_11_PEOPLE("fewer-than-11-people", "moins de 11 personnes", "fewer than 11 people"),
    /** One collectivité contributes more than 85 % of the value. */
    DOMINANCE("dominance", "une collectivité représente plus de 85 % de la valeur", "one collectivité makes more than 85 % of the value"),
    /** Hidden so that a total and the published cells of its row or column cannot give away a hidden cell. */
    SECONDARY("secondary", "secret induit (protège une autre case)", "secondary suppression (protects another cell)");

    private final String slug;
    private final String french;
    private final String english;

    Reason(String slug, String french, String english) {
        this.slug = slug;
        this.french = french;
        this.english = english;
    }

    public String slug() {
        return slug;
    }

    public String french() {
        return french;
    }

    public String english() {
        return english;
    }
}
