package org.pathosynth.llm.provider;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.pathosynth.core.component.ComponentContext;

/**
 * How specs become models: API keys (explicit, else from environment variables such as {@code OPENAI_API_KEY}),
 * base URLs per provider (else {@code <PREFIX>_BASE_URL}, else the provider's default), timeouts, and which
 * hosts count as on-premise besides loopback and private addresses.
 */
public final class ProviderSettings {
    private final Map<ProviderKind, String> apiKeys;
    private final Map<ProviderKind, String> baseUrls;
    private final UnaryOperator<String> environment;
    private final Duration timeout;
    private final Set<String> localHosts;

    private ProviderSettings(Builder b) {
        this(Map.copyOf(b.apiKeys), Map.copyOf(b.baseUrls), b.environment, b.timeout, Set.copyOf(b.localHosts));
    }

    private ProviderSettings(Map<ProviderKind, String> apiKeys, Map<ProviderKind, String> baseUrls, UnaryOperator<String> environment,
                             Duration timeout, Set<String> localHosts) {
        this.apiKeys = apiKeys;
        this.baseUrls = baseUrls;
        this.environment = environment;
        this.timeout = timeout;
        this.localHosts = localHosts;
    }

    /** Keys and base URLs from the environment, 120 s timeout. */
    public static ProviderSettings fromEnvironment() {
        return builder().build();
    }

    /**
     * The settings a component context holds (a {@code ProviderSettings} service: keys from a vault, base URLs, on-premise
     * hosts), else {@link #fromEnvironment()}: how spec-named LLM components connect.
     */
    public static ProviderSettings from(ComponentContext context) {
        return context.service(ProviderSettings.class).orElseGet(ProviderSettings::fromEnvironment);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same settings with another timeout. */
    public ProviderSettings withTimeout(Duration t) {
        checkTimeout(t);
        return new ProviderSettings(apiKeys, baseUrls, environment, t, localHosts);
    }

    private static void checkTimeout(Duration t) {
        if (t.isNegative() || t.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + t);
        }
    }

    /** The API key for a provider, or null when none is configured. */
    public String apiKey(ProviderKind kind) {
        String key = apiKeys.get(kind);
        if (key == null && kind.apiKeyVariable() != null) {
            key = environment.apply(kind.apiKeyVariable());
            if (key == null && kind == ProviderKind.GEMINI) {
                key = environment.apply("GOOGLE_API_KEY");
            }
        }
        return key == null || key.isBlank() ? null : key;
    }

    /** The base URL for a spec: the spec's own, a configured one, {@code <PREFIX>_BASE_URL}, or the default. */
    public String baseUrl(ModelSpec spec) {
        if (spec.baseUrl() != null) {
            return spec.baseUrl();
        }
        String configured = baseUrls.get(spec.provider());
        if (configured == null) {
            configured = environment.apply(spec.provider().name() + "_BASE_URL");
        }
        return configured == null || configured.isBlank() ? spec.provider().defaultBaseUrl() : configured;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Hosts declared on-premise by the caller (for example an inference server on the hospital network). */
    public Set<String> localHosts() {
        return localHosts;
    }

    public static final class Builder {
        private final Map<ProviderKind, String> apiKeys = new EnumMap<>(ProviderKind.class);
        private final Map<ProviderKind, String> baseUrls = new EnumMap<>(ProviderKind.class);
        private UnaryOperator<String> environment = System::getenv;
        private Duration timeout = Duration.ofSeconds(120);
        private final Set<String> localHosts = new HashSet<>();

        /** An explicit key (for example read from a vault); keys never belong in source code. */
        public Builder apiKey(ProviderKind kind, String key) {
            apiKeys.put(kind, Objects.requireNonNull(key, "key"));
            return this;
        }

        public Builder baseUrl(ProviderKind kind, String url) {
            baseUrls.put(kind, Objects.requireNonNull(url, "url"));
            return this;
        }

        /** Where environment variables are read (tests pass a map's {@code get}). */
        public Builder environment(UnaryOperator<String> lookup) {
            environment = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        public Builder timeout(Duration t) {
            checkTimeout(t);
            timeout = t;
            return this;
        }

        public Builder localHost(String host) {
            localHosts.add(host.toLowerCase(java.util.Locale.ROOT));
            return this;
        }

        public ProviderSettings build() {
            return new ProviderSettings(this);
        }
    }
}
