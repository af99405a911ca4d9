package org.pathosynth.core.component;

/**
 * Builds one kind of component by name, from a typed options record. Providers are found with
 * {@link java.util.ServiceLoader}: an artifact on the class path that lists a provider in
 * {@code META-INF/services/<the provider interface>} adds a component every command and Java user can name.
 *
 * @param <T> what it builds (a synthesizer, a report generator, a filter, an extractor)
 * @param <O> its options: a record whose components are the option names in camelCase (snake_case in configs);
 *            a missing option arrives as null and the record fills in its default
 */
public interface ComponentProvider<T, O extends Record> {
    /** The name users write, e.g. {@code "mst"}, or the part before the colon of a spec ({@code "ollama"}). */
    String name();

    /** One line for listings and error messages. */
    String description();

    Class<O> optionsType();

    /**
     * Whether a spec may carry an argument after the colon (the model of {@code ollama:mistral}). When not, the registry
     * refuses {@code name:argument} before {@link #create} is called, in the same words for every kind.
     */
    default boolean takesArgument() {
        return true;
    }

    /**
     * Builds the component.
     *
     * @param argument what followed the colon in the spec, or null (always null when {@link #takesArgument()} is false)
     * @throws IllegalArgumentException for a missing or malformed argument or option, with a message naming it
     */
    T create(String argument, O options, ComponentContext context);
}
