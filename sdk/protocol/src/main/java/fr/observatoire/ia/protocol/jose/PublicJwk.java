package fr.observatoire.ia.protocol.jose;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An Ed25519 public key as an OKP JWK (RFC 8037). Its {@link #thumbprint()} (RFC 7638) is the
 * {@code kid} of every JWS it verifies.
 */
public final class PublicJwk {
    private final byte[] x;
    private final Ed25519PublicKeyParameters parameters;
    private final String thumbprint;

    private PublicJwk(byte[] x) {
        if (x.length != Ed25519.PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, got " + x.length);
        }
        this.x = x.clone();
        this.parameters = new Ed25519PublicKeyParameters(this.x, 0);
        this.thumbprint = computeThumbprint(Base64Url.encode(this.x));
    }

    public static PublicJwk ofRaw(byte[] x) {
        return new PublicJwk(x);
    }

    public static PublicJwk ofBase64Url(String x) {
        return new PublicJwk(Base64Url.decode(x));
    }

    /**
     * Reads a JWK given as a JSON object.
     *
     * @throws IllegalArgumentException if it is not an Ed25519 OKP key, or carries private material
     */
    public static PublicJwk fromJwk(Map<String, ?> jwk) {
        if (!"OKP".equals(jwk.get("kty")) || !"Ed25519".equals(jwk.get("crv"))) {
            throw new IllegalArgumentException("the key must be a JWK with kty 'OKP' and crv 'Ed25519', got kty '"
                    + jwk.get("kty") + "' crv '" + jwk.get("crv") + "'");
        }
        if (jwk.containsKey("d")) {
            throw new IllegalArgumentException("the JWK carries a private key ('d'): never send it");
        }
        if (!(jwk.get("x") instanceof String x)) {
            throw new IllegalArgumentException("the JWK has no 'x'");
        }
        return ofBase64Url(x);
    }

    /**
     * Bouncy Castle's full validation: a canonical encoding of a point of prime order. Low-order and
     * mixed-order keys are refused at enrolment because verifiers disagree on them.
     */
    public boolean isFullyValid() {
        return Ed25519.validatePublicKeyFull(x, 0);
    }

    public byte[] raw() {
        return x.clone();
    }

    public String x() {
        return Base64Url.encode(x);
    }

    /** RFC 7638 thumbprint: base64url(SHA-256 of {"crv","kty","x"} in lexicographic order, no spaces). */
    public String thumbprint() {
        return thumbprint;
    }

    public Map<String, Object> toJwk() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("x", x());
        return jwk;
    }

    /** Verifies a raw Ed25519 signature (RFC 8032, as Bouncy Castle implements it). */
    public boolean verify(byte[] message, byte[] signature) {
        if (signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        // Through the parameters: they hold the public point decoded once, where Ed25519.verify(byte[] pk) would
        // decompress it again at every call (a square root in the field, about a tenth of a verification).
        return parameters.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    }

    Ed25519PublicKeyParameters parameters() {
        return parameters;
    }

    private static String computeThumbprint(String x) {
        String canonical = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x + "\"}";
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicJwk other && Arrays.equals(x, other.x);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(x);
    }

    @Override
    public String toString() {
        return "PublicJwk[kid=" + thumbprint + "]";
    }
}
