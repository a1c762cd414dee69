package fr.observatoire.ia.protocol.json;

/** A document that is not JSON, or not the expected shape; the message says where and why. */
public class InvalidJsonException extends Exception {
    public InvalidJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
