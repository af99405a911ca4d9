package org.pathosynth.core.component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Binds options given by name (snake_case, as in configs and on the command line) to a provider's options record,
 * and back. An unknown option or a value of the wrong type is one line naming the component and the option.
 */
public final class ComponentOptions {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private ComponentOptions() {
    }

    /**
     * @param component how messages name the component, e.g. {@code "synthesizer 'mst'"}
     * @param options option values by snake_case name; null or empty gives every default
     */
    public static <O extends Record> O bind(String component, Class<O> type, Map<String, ?> options) {
        Map<String, ?> given = listsFromText(component, type, options == null ? Map.of() : options);
        try {
            return MAPPER.convertValue(given, type);
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnrecognizedPropertyException u) {
                throw new IllegalArgumentException(component + ": unknown option '" + u.getPropertyName() + "'; known options: "
                        + String.join(", ", names(type)), e);
            }
            if (cause instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
                throw new IllegalArgumentException(component + ": option '" + f.getPath().get(0).getFieldName() + "' must be "
                        + article(f.getTargetType()), e);
            }
            if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
                throw new IllegalArgumentException(component + ": option '" + m.getPath().get(0).getFieldName() + "' must be "
                        + article(m.getTargetType()), e);
            }
            if (cause != null && cause.getCause() instanceof IllegalArgumentException bad) {
                throw new IllegalArgumentException(component + ": " + bad.getMessage(), e); // the record's own check
            }
            throw new IllegalArgumentException(component + ": bad options (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    /**
     * On the command line every value is text: a list option given as {@code a,b,c} is read as its comma-separated
     * items (each then converted like any value), so {@code --option budget_split=0.6,0.1,0.3} works.
     */
    private static Map<String, ?> listsFromText(String component, Class<? extends Record> type, Map<String, ?> options) {
        Map<String, Object> out = new LinkedHashMap<>(options);
        for (RecordComponent c : type.getRecordComponents()) {
            String name = snake(c.getName());
            if (java.util.Collection.class.isAssignableFrom(c.getType()) && out.get(name) instanceof String text) {
                List<String> items = Arrays.stream(text.split(",", -1)).map(String::trim).toList();
                if (items.contains("")) { // "a,,b" or "": a slip, not an empty list or an item named ""
                    throw new IllegalArgumentException(component + ": option '" + name + "' has an empty item in '" + text
                            + "' (give its items separated by commas)");
                }
                out.put(name, items);
            }
        }
        return out;
    }

    /** The options as snake_case names and values, in the record's order (nulls left out): for provenance. */
    public static Map<String, Object> toMap(Record options) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : options.getClass().getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(options);
                if (v != null) {
                    out.put(snake(c.getName()), v);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read option " + c.getName(), e);
            }
        }
        return out;
    }

    /** The option names of an options record, snake_case. */
    public static List<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> snake(c.getName())).toList();
    }

    private static String snake(String camel) {
        return camel.chars().mapToObj(ch -> Character.isUpperCase(ch) ? "_" + Character.toLowerCase((char) ch) : String.valueOf((char) ch))
                .collect(Collectors.joining());
    }

    private static String article(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        String t = switch (type.getSimpleName()) {
            case "Integer", "int", "Long", "long" -> "an integer";
            case "Double", "double", "Float", "float" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            default -> java.util.Collection.class.isAssignableFrom(type) ? "a list" : "a " + type.getSimpleName();
        };
        return t;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
