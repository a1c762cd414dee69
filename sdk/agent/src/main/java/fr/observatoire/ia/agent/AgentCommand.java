package fr.observatoire.ia.agent;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** What every command has: the agent (options, configuration, language) and the output streams. */
abstract class AgentCommand implements Callable<Integer> {
    @ParentCommand
    ObservatoireAgent agent;

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    String text(String key, Object... arguments) {
        return agent.messages().get(key, arguments);
    }

    void say(String key, Object... arguments) {
        out().println(text(key, arguments));
    }
}
