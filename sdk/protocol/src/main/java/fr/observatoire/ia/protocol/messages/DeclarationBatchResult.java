package fr.observatoire.ia.protocol.messages;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a {@link DeclarationBatch}: one result per declaration, in the order they were sent. Each says
 * what the single submission would have answered: its status (201 stored now, 200 stored before) and receipt, or
 * its status and problem. A refusal concerns that declaration only.
 */
public record DeclarationBatchResult(List<Item> results) {
    public DeclarationBatchResult {
        Objects.requireNonNull(results, "results");
        results = List.copyOf(results);
    }

    /** The outcome of one declaration: a receipt (status 200 or 201) or a problem (4xx, 503), never both. */
    public record Item(int status, Receipt receipt, Problem problem) {
        public Item {
            if ((receipt == null) == (problem == null)) {
                throw new IllegalArgumentException("a batch result carries either a receipt or a problem");
            }
        }

        public static Item accepted(Receipt receipt, boolean created) {
            return new Item(created ? 201 : 200, receipt, null);
        }

        public static Item refused(Problem problem) {
            return new Item(problem.status(), null, problem);
        }

        @JsonIgnore
        public boolean isAccepted() {
            return receipt != null;
        }
    }
}
