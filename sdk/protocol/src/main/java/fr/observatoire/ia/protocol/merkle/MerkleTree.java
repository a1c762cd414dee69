package fr.observatoire.ia.protocol.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 §2.1 roots and proofs for a tree of {@code size} leaves, computed from the perfect-subtree
 * hashes of a {@link SubtreeHashes} (memory, database): O(log² n) lookups a proof, never a rehash of
 * the whole log.
 */
public final class MerkleTree {
    private final SubtreeHashes hashes;

    public MerkleTree(SubtreeHashes hashes) {
        this.hashes = hashes;
    }

    /** MTH(D[0:size]). */
    public byte[] root(long size) {
        return size == 0 ? MerkleHashes.emptyRoot() : hash(0, size);
    }

    /** PATH(index, D[0:size]) of RFC 9162 §2.1.3.1. */
    public List<byte[]> inclusionProof(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /** PROOF(size1, D[0:size2]) of RFC 9162 §2.1.4.1. */
    public List<byte[]> consistencyProof(long size1, long size2) {
        if (size1 <= 0 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from size " + size1 + " to size " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        if (size1 < size2) {
            subproof(size1, 0, size2, true, proof);
        }
        return proof;
    }

    private void path(long m, long start, long n, List<byte[]> proof) {
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, k, proof);
            proof.add(hash(start + k, n - k));
        } else {
            path(m - k, start + k, n - k, proof);
            proof.add(hash(start, k));
        }
    }

    private void subproof(long m, long start, long n, boolean complete, List<byte[]> proof) {
        if (m == n) {
            if (!complete) {
                proof.add(hash(start, n));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, k, complete, proof);
            proof.add(hash(start + k, n - k));
        } else {
            subproof(m - k, start + k, n - k, false, proof);
            proof.add(hash(start, k));
        }
    }

    /** MTH(D[start:start+n]) where start is a multiple of the largest power of two not above n (always so in RFC 9162's recursion). */
    private byte[] hash(long start, long n) {
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            return hashes.get(level, start >> level);
        }
        long k = largestPowerOfTwoBelow(n);
        return MerkleHashes.nodeHash(hash(start, k), hash(start + k, n - k));
    }

    /** The largest power of two strictly smaller than n (n > 1). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
