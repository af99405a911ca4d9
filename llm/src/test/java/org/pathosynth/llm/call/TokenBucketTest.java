package org.pathosynth.llm.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aMinuteLimitAllowsOneSecondsBurstThenQueuesInOrder() {
        TokenBucket b = new TokenBucket(6000, 0); // 100 a second
        assertThat(b.reserve(100, 0)).isZero(); // the burst
        assertThat(b.reserve(50, 0)).isEqualTo(SECOND / 2); // in debt: waits for 50 units
        assertThat(b.reserve(50, 0)).isEqualTo(SECOND); // queued behind the previous one
        assertThat(b.reserve(1, 2 * SECOND)).isZero(); // refilled
    }

    @Test
    void aRequestLargerThanTheBurstStillPassesAndCorrectionsApply() {
        TokenBucket tokens = new TokenBucket(60_000, 0); // 1,000 tokens a second
        assertThat(tokens.reserve(5000, 0)).isEqualTo(4 * SECOND); // one big request: waits for the missing 4,000
        tokens.adjust(4000); // it used 1,000 tokens, not 5,000: the debt is forgiven
        assertThat(tokens.reserve(500, 0)).isEqualTo(SECOND / 2); // without the correction: 4.5 s
        assertThatThrownBy(() -> new TokenBucket(0, 0)).hasMessageContaining("must be positive");
    }
}
