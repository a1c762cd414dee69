package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Obstacle;
import fr.observatoire.ia.model.Purpose;
import fr.observatoire.ia.model.Service;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One agent's answers, as the form accepted them. There is no field for who answered, nor for the free text of
 * "another tool": {@link #tool()} is then {@link AiTool#other()}.
 */
public record SelfDeclaration(AiTool tool, Purpose purpose, Service service, Frequency frequency, Governance governance,
                              Set<Obstacle> obstacles) {
    public SelfDeclaration {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(governance, "governance");
        obstacles = obstacles == null || obstacles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(obstacles));
    }
}
