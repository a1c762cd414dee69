package fr.observatoire.ia.testkit.conformance.selftest;

import fr.observatoire.ia.spi.PushPlugin;
import fr.observatoire.ia.testkit.conformance.InvalidSetting;
import fr.observatoire.ia.testkit.conformance.PushPluginConformance;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The push suite against the sample push plugin; the nested classes run it against flawed ones (see the self-test). */
public class ChatbotPushPluginConformanceTest extends PushPluginConformance {

    @Override
    protected PushPlugin newPlugin() {
        return new ChatbotPushPlugin();
    }

    @Override
    protected Map<String, String> configuration() {
        return Map.of("usage-id", "chatbot-accueil");
    }

    @Override
    protected List<InvalidSetting> invalidSettings() {
        return List.of(InvalidSetting.missing("usage-id"), InvalidSetting.of("usage-id", "Chatbot Accueil"));
    }

    @Override
    protected void exercise(PushPlugin plugin) {
        ((ChatbotPushPlugin) plugin).conversationEnded("marie.curie@mairie-exemple.fr");
    }

    @Override
    protected Set<String> forbiddenStrings() {
        return Set.of("marie.curie", "Marie Curie");
    }

    public static class Unguarded extends ChatbotPushPluginConformanceTest {
        @Override
        protected PushPlugin newPlugin() {
            return new ChatbotPushPlugin.Unguarded();
        }
    }

    public static class Sticky extends ChatbotPushPluginConformanceTest {
        @Override
        protected PushPlugin newPlugin() {
            return new ChatbotPushPlugin.Sticky();
        }
    }

    public static class PerUser extends ChatbotPushPluginConformanceTest {
        @Override
        protected PushPlugin newPlugin() {
            return new ChatbotPushPlugin.PerUser();
        }
    }
}
