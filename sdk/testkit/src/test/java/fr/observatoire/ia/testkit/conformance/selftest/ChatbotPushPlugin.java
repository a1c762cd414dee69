package fr.observatoire.ia.testkit.conformance.selftest;

import fr.observatoire.ia.api.ActivityCounter;
import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.spi.PluginContext;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PushPlugin;

/**
 * A tiny push plugin for the push suite's self-test: the host (a citizen chatbot) calls
 * {@link #conversationEnded(String)} and the plugin counts the conversation. Subclasses add one defect each.
 */
public class ChatbotPushPlugin implements PushPlugin {
    /** What a subclass breaks. */
    enum Flaw { NONE, UNGUARDED, KEEPS_OBSERVATORY_AFTER_STOP, COUNTS_PER_USER }

    private final Flaw flaw;
    private volatile Observatory observatory;
    private volatile ActivityCounter conversations;
    private String usageId;

    public ChatbotPushPlugin() {
        this(Flaw.NONE);
    }

    ChatbotPushPlugin(Flaw flaw) {
        this.flaw = flaw;
    }

    @Override
    public String name() {
        return "chatbot";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public void start(PluginContext context) throws PluginException {
        usageId = context.config().require("usage-id");
        if (!usageId.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new PluginException("observatoire.plugins.chatbot.usage-id must be a usage id of the inventory, was '" + usageId + "'");
        }
        observatory = context.observatory();
        conversations = observatory.activity(usageId, Service.PUBLIC_RECEPTION, ActionKind.CHATBOT_CONVERSATION);
    }

    @Override
    public void stop() {
        if (flaw != Flaw.KEEPS_OBSERVATORY_AFTER_STOP) {
            observatory = null;
            conversations = null;
        }
    }

    /** Called by the host when a conversation ends; never throws into it. */
    public void conversationEnded(String agentLogin) {
        Observatory current = observatory;
        if (current == null) {
            return;
        }
        try {
            record(current, agentLogin);
        } catch (RuntimeException e) {
            if (flaw == Flaw.UNGUARDED) {
                throw e;
            }
            // The host's conversation went well; whatever broke in the SDK stays there.
        }
    }

    private void record(Observatory current, String agentLogin) {
        if (flaw == Flaw.COUNTS_PER_USER) {
            current.activity(usageId + "-" + agentLogin, Service.PUBLIC_RECEPTION, ActionKind.CHATBOT_CONVERSATION).increment();
        } else {
            conversations.increment();
        }
        current.agentActive(usageId, agentLogin);
    }

    public static final class Unguarded extends ChatbotPushPlugin {
        public Unguarded() {
            super(Flaw.UNGUARDED);
        }
    }

    public static final class Sticky extends ChatbotPushPlugin {
        public Sticky() {
            super(Flaw.KEEPS_OBSERVATORY_AFTER_STOP);
        }
    }

    public static final class PerUser extends ChatbotPushPlugin {
        public PerUser() {
            super(Flaw.COUNTS_PER_USER);
        }
    }
}
