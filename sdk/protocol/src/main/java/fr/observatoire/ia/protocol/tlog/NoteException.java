package fr.observatoire.ia.protocol.tlog;

/** A signed note, checkpoint or proof that is malformed or not signed by the expected key. */
public class NoteException extends Exception {
    public NoteException(String message) {
        super(message);
    }
}
