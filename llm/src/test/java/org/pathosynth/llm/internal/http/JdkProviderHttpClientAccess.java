package org.pathosynth.llm.internal.http;

import java.time.Duration;

/** Test access to the package-private Retry-After parser. */
public final class JdkProviderHttpClientAccess {
    private JdkProviderHttpClientAccess() {
    }

    public static Duration retryAfter(String value) {
        return JdkProviderHttpClient.retryAfter(value);
    }
}
