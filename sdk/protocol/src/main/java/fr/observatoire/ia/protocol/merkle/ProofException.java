package fr.observatoire.ia.protocol.merkle;

/** A Merkle proof that does not prove what it claims; the message says which check failed. */
public class ProofException extends Exception {
    public ProofException(String message) {
        super(message);
    }
}
