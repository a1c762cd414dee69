package fr.observatoire.ia.benchmarks;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.ParsedJws;
import fr.observatoire.ia.protocol.jose.PublicJwk;
import fr.observatoire.ia.protocol.jose.SigningKey;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

/**
 * Building and signing a typical declaration (assembly from stored counts, the privacy controls, JSON encoding,
 * JWS Ed25519) next to a raw Bouncy Castle Ed25519 signature of 1 KB; verifying a declaration as the observatory
 * does (parse the JWS, verify, decode into the model, which validates it) next to a raw Bouncy Castle verification.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigningBenchmark {
    private final TypicalDeclaration typical = new TypicalDeclaration();
    private SigningKey key;
    private PublicJwk publicKey;
    private String signedDeclaration;
    private byte[] kilobyte;
    private Ed25519PrivateKeyParameters bcPrivate;
    private Ed25519PublicKeyParameters bcPublic;
    private byte[] bcSignature;

    @Setup(Level.Trial)
    public void setUp() {
        key = SigningKey.generate();
        publicKey = key.publicJwk();
        signedDeclaration = typical.buildAndSign(key);
        kilobyte = new byte[1024];
        new SecureRandom().nextBytes(kilobyte);
        bcPrivate = new Ed25519PrivateKeyParameters(new SecureRandom());
        bcPublic = bcPrivate.generatePublicKey();
        bcSignature = rawBouncyCastleSign1k();
    }

    @Benchmark
    public String buildAndSignDeclaration() {
        return typical.buildAndSign(key);
    }

    @Benchmark
    public byte[] rawBouncyCastleSign1k() {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, bcPrivate);
        signer.update(kilobyte, 0, kilobyte.length);
        return signer.generateSignature();
    }

    @Benchmark
    public Declaration verifyDeclaration() throws Exception {
        ParsedJws jws = Jws.parse(signedDeclaration);
        jws.requireType(Jws.TYP_DECLARATION);
        jws.verify(publicKey);
        return Jws.payload(jws, Declaration.class);
    }

    @Benchmark
    public boolean rawBouncyCastleVerify1k() {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, bcPublic);
        verifier.update(kilobyte, 0, kilobyte.length);
        return verifier.verifySignature(bcSignature);
    }
}
