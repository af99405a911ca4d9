package org.pathosynth.core.component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pathosynth.core.schema.Schema;

/**
 * What a provider may use to build a component besides its options: the schema, the report language, and shared
 * services by type (an LLM client that several teachers share, a privacy gate, ...). Immutable.
 */
public final class ComponentContext {
    private final Schema schema;
    private final String language;
    private final Map<Class<?>, Object> services;

    private ComponentContext(Schema schema, String language, Map<Class<?>, Object> services) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.language = Objects.requireNonNull(language, "language");
        this.services = Map.copyOf(services);
    }

    /** The schema and the language alone. */
    public static ComponentContext of(Schema schema, String language) {
        return new ComponentContext(schema, language, Map.of());
    }

    public Schema schema() {
        return schema;
    }

    public String language() {
        return language;
    }

    /** A copy that also holds {@code service} under {@code type}. */
    public <T> ComponentContext with(Class<T> type, T service) {
        Map<Class<?>, Object> copy = new LinkedHashMap<>(services);
        copy.put(type, Objects.requireNonNull(service, "service"));
        return new ComponentContext(schema, language, copy);
    }

    /** A copy with another schema (same language and services). */
    public ComponentContext withSchema(Schema other) {
        return new ComponentContext(other, language, services);
    }

    public <T> Optional<T> service(Class<T> type) {
        return Optional.ofNullable(type.cast(services.get(type)));
    }
}
