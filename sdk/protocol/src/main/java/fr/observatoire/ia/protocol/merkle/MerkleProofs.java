package fr.observatoire.ia.protocol.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** Verification of RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs. */
public final class MerkleProofs {
    private MerkleProofs() {
    }

    /** Checks that {@code leafHash} is the leaf at {@code leafIndex} of the tree of {@code treeSize} leaves with root {@code root}. */
    public static void verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws ProofException {
        byte[] computed = rootFromInclusionProof(leafIndex, treeSize, leafHash, proof);
        if (!MessageDigest.isEqual(computed, root)) {
            throw new ProofException("the inclusion proof of leaf " + leafIndex + " leads to another root than the tree of size " + treeSize);
        }
    }

    /** The root an inclusion proof leads to. */
    public static byte[] rootFromInclusionProof(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof)
            throws ProofException {
        if (leafIndex < 0 || treeSize <= 0 || leafIndex >= treeSize) {
            throw new ProofException("leaf index " + leafIndex + " is outside a tree of size " + treeSize);
        }
        requireHashes(proof);
        requireHash(leafHash, "leaf hash");
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new ProofException("the inclusion proof is longer than the tree is deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleHashes.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the inclusion proof is shorter than the tree is deep");
        }
        return r;
    }

    /** Checks that the tree of {@code size1} leaves and root {@code root1} is a prefix of the tree of {@code size2} leaves and root {@code root2}. */
    public static void verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof)
            throws ProofException {
        requireHashes(proof);
        if (size1 < 0 || size2 < 0 || size1 > size2) {
            throw new ProofException("a tree of size " + size1 + " cannot be a prefix of a tree of size " + size2);
        }
        if (size1 == 0) {
            throw new ProofException("a consistency proof from the empty tree proves nothing");
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new ProofException("trees of the same size need an empty consistency proof");
            }
            if (root1 == null || root2 == null || !MessageDigest.isEqual(root1, root2)) {
                throw new ProofException("two different roots for the same tree size " + size1 + ": the log forked");
            }
            return;
        }
        requireHash(root1, "first root");
        requireHash(root2, "second root");
        if (proof.isEmpty()) {
            throw new ProofException("the consistency proof is empty");
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new ProofException("the consistency proof is longer than needed");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.nodeHash(c, fr);
                sr = MerkleHashes.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHashes.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the consistency proof is shorter than needed");
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw new ProofException("the consistency proof does not lead to the first root");
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw new ProofException("the consistency proof does not lead to the second root");
        }
    }

    private static void requireHashes(List<byte[]> proof) throws ProofException {
        for (byte[] hash : proof) {
            requireHash(hash, "proof hash");
        }
    }

    private static void requireHash(byte[] hash, String what) throws ProofException {
        if (hash == null || hash.length != MerkleHashes.SIZE) {
            throw new ProofException("the " + what + " is not a 32-byte SHA-256 hash");
        }
    }
}
