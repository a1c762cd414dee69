package fr.observatoire.ia.protocol.jose;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An Ed25519 private key (Bouncy Castle) and its public JWK. The 32-byte seed is the only secret;
 * {@link #toString()} never shows it.
 */
public final class SigningKey {
    private final Ed25519PrivateKeyParameters privateKey;
    private final PublicJwk publicJwk;

    private SigningKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicJwk = PublicJwk.ofRaw(privateKey.generatePublicKey().getEncoded());
    }

    public static SigningKey generate(SecureRandom random) {
        return new SigningKey(new Ed25519PrivateKeyParameters(random));
    }

    public static SigningKey generate() {
        return generate(new SecureRandom());
    }

    public static SigningKey fromSeed(byte[] seed) {
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key seed is 32 bytes, got " + seed.length);
        }
        return new SigningKey(new Ed25519PrivateKeyParameters(seed, 0));
    }

    /** Reads a private OKP JWK ({@code d} and {@code x}); {@code x} must match {@code d}. */
    public static SigningKey fromJwk(Map<String, ?> jwk) {
        if (!(jwk.get("d") instanceof String d)) {
            throw new IllegalArgumentException("the JWK has no private part 'd'");
        }
        SigningKey key = fromSeed(Base64Url.decode(d));
        Map<String, Object> publicPart = new LinkedHashMap<>(jwk);
        publicPart.remove("d");
        if (!PublicJwk.fromJwk(publicPart).equals(key.publicJwk)) {
            throw new IllegalArgumentException("the JWK's 'x' does not match its 'd'");
        }
        return key;
    }

    public byte[] seed() {
        return privateKey.getEncoded();
    }

    public PublicJwk publicJwk() {
        return publicJwk;
    }

    /** The kid: the RFC 7638 thumbprint of the public key. */
    public String kid() {
        return publicJwk.thumbprint();
    }

    /** The private JWK, for the key file. */
    public Map<String, Object> toPrivateJwk() {
        Map<String, Object> jwk = publicJwk.toJwk();
        jwk.put("d", Base64Url.encode(seed()));
        return jwk;
    }

    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid() + "]";
    }
}
