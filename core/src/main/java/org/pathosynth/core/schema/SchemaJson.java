package org.pathosynth.core.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and writes schemas as JSON, validating every field with a message that names it. */
final class SchemaJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> ATTRIBUTE_FIELDS = Set.of(
            "name", "kind", "values", "min", "max", "precision", "unit", "labels", "description", "valueLabels", "synonyms",
            "domainFromData", "format");
    private static final String DATE = "date";
    private static final String DATETIME = "datetime";

    private SchemaJson() {
    }

    static Schema read(InputStream in, String source) {
        try {
            return read(MAPPER.readTree(in), source);
        } catch (JsonProcessingException e) {
            throw new SchemaException(source + ": malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SchemaException(source + ": cannot read schema: " + e.getMessage(), e);
        }
    }

    static Schema read(String json, String source) {
        try {
            return read(MAPPER.readTree(json), source);
        } catch (JsonProcessingException e) {
            throw new SchemaException(source + ": malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static Schema read(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new SchemaException(source + ": a schema must be a JSON object");
        }
        String name = text(root, "name", source, "name", true);
        String description = text(root, "description", source, "description", false);
        JsonNode attributesNode = root.get("attributes");
        if (attributesNode == null || !attributesNode.isArray() || attributesNode.isEmpty()) {
            throw new SchemaException(source + ": field 'attributes' must be a non-empty array");
        }
        List<Attribute> attributes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < attributesNode.size(); i++) {
            Attribute attribute = readAttribute(attributesNode.get(i), source, "attributes[" + i + "]");
            if (!seen.add(attribute.name())) {
                throw new SchemaException(source + ": attributes[" + i + "].name: duplicate attribute name '"
                        + attribute.name() + "'");
            }
            attributes.add(attribute);
        }
        List<LessOrEqualConstraint> constraints = new ArrayList<>();
        JsonNode constraintsNode = root.get("constraints");
        if (constraintsNode != null) {
            if (!constraintsNode.isArray()) {
                throw new SchemaException(source + ": field 'constraints' must be an array");
            }
            for (int i = 0; i < constraintsNode.size(); i++) {
                constraints.add(readConstraint(constraintsNode.get(i), source, "constraints[" + i + "]", seen));
            }
        }
        List<CoherenceRule> rules = new ArrayList<>();
        JsonNode rulesNode = root.get("rules");
        if (rulesNode != null) {
            if (!rulesNode.isArray()) {
                throw new SchemaException(source + ": field 'rules' must be an array");
            }
            for (int i = 0; i < rulesNode.size(); i++) {
                rules.add(readRule(rulesNode.get(i), source, "rules[" + i + "]"));
            }
        }
        try {
            return new Schema(name, description, attributes, constraints, rules);
        } catch (SchemaException e) {
            throw new SchemaException(source + ": " + e.getMessage(), e);
        }
    }

    private static Attribute readAttribute(JsonNode node, String source, String path) {
        if (node == null || !node.isObject()) {
            throw new SchemaException(source + ": " + path + " must be an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!ATTRIBUTE_FIELDS.contains(field)) {
                throw new SchemaException(source + ": " + path + "." + field + ": unknown field (known: "
                        + new java.util.TreeSet<>(ATTRIBUTE_FIELDS) + ")");
            }
        }
        String name = text(node, "name", source, path + ".name", true);
        if (name.isBlank()) {
            throw new SchemaException(source + ": " + path + ".name: must not be blank");
        }
        String kindText = text(node, "kind", source, path + ".kind", true);
        if (DATE.equals(kindText) || DATETIME.equals(kindText)) {
            return date(node, name, kindText, source, path);
        }
        if (node.has("format")) {
            throw new SchemaException(source + ": " + path + ".format: only date and datetime attributes have a format");
        }
        AttributeKind kind = AttributeKind.fromJsonName(kindText);
        if (kind == null) {
            List<String> kinds = new ArrayList<>(Arrays.stream(AttributeKind.values()).map(AttributeKind::jsonName).toList());
            kinds.add(DATE);
            kinds.add(DATETIME);
            throw new SchemaException(source + ": " + path + ".kind: unknown kind '" + kindText + "' (expected one of " + kinds + ")");
        }
        List<String> values = new ArrayList<>();
        JsonNode valuesNode = node.get("values");
        if (kind == AttributeKind.CATEGORICAL || kind == AttributeKind.ORDINAL) {
            if (valuesNode == null || !valuesNode.isArray() || valuesNode.isEmpty()) {
                throw new SchemaException(source + ": " + path + ".values: " + kind.jsonName() + " attribute '" + name
                        + "' needs a non-empty array of allowed values (empty domain)");
            }
            Set<String> distinct = new HashSet<>();
            for (int j = 0; j < valuesNode.size(); j++) {
                JsonNode v = valuesNode.get(j);
                if (!v.isTextual() && !v.isNumber()) {
                    throw new SchemaException(source + ": " + path + ".values[" + j + "]: must be a string");
                }
                String value = v.asText();
                if (value.isBlank() || !distinct.add(value)) {
                    throw new SchemaException(source + ": " + path + ".values[" + j + "]: blank or duplicate value '" + value + "'");
                }
                values.add(value);
            }
        } else if (valuesNode != null) {
            throw new SchemaException(source + ": " + path + ".values: only categorical and ordinal attributes list values");
        }
        Double min = number(node, "min", source, path + ".min");
        Double max = number(node, "max", source, path + ".max");
        Integer precision = null;
        if (node.has("precision")) {
            JsonNode p = node.get("precision");
            if (!p.canConvertToInt() || !p.isIntegralNumber() || p.asInt() < 0 || p.asInt() > 15) {
                throw new SchemaException(source + ": " + path + ".precision: must be an integer from 0 to 15");
            }
            precision = p.asInt();
        }
        boolean numberKind = kind == AttributeKind.INTEGER || kind == AttributeKind.NUMERIC;
        if (!numberKind && (min != null || max != null || precision != null)) {
            throw new SchemaException(source + ": " + path + ": min, max and precision apply only to integer and numeric attributes");
        }
        if (min != null && max != null && min > max) {
            throw new SchemaException(source + ": " + path + ": empty domain, min " + min + " > max " + max);
        }
        String unit = text(node, "unit", source, path + ".unit", false);
        Map<String, String> labels = stringMap(node.get("labels"), source, path + ".labels");
        Map<String, Map<String, String>> valueLabels = new LinkedHashMap<>();
        JsonNode valueLabelsNode = node.get("valueLabels");
        if (valueLabelsNode != null) {
            if (!valueLabelsNode.isObject()) {
                throw new SchemaException(source + ": " + path + ".valueLabels: must be an object");
            }
            List<String> allowed = kind == AttributeKind.BOOLEAN ? Attribute.BOOLEAN_VALUES : values;
            for (Map.Entry<String, JsonNode> e : valueLabelsNode.properties()) {
                if (!allowed.contains(e.getKey())) {
                    throw new SchemaException(source + ": " + path + ".valueLabels." + e.getKey()
                            + ": not a value of attribute '" + name + "'");
                }
                valueLabels.put(e.getKey(), stringMap(e.getValue(), source, path + ".valueLabels." + e.getKey()));
            }
        }
        String description = text(node, "description", source, path + ".description", false);
        Map<String, Map<String, List<String>>> synonyms = new LinkedHashMap<>();
        JsonNode synonymsNode = node.get("synonyms");
        if (synonymsNode != null) {
            if (!synonymsNode.isObject()) {
                throw new SchemaException(source + ": " + path + ".synonyms: must be an object of \"*\" (the attribute) or values, "
                        + "each an object of languages to lists of forms");
            }
            List<String> allowed = kind == AttributeKind.BOOLEAN ? Attribute.BOOLEAN_VALUES : values;
            for (Map.Entry<String, JsonNode> e : synonymsNode.properties()) {
                String at = path + ".synonyms." + e.getKey();
                if (!e.getKey().equals(Attribute.LABEL) && !allowed.contains(e.getKey())) {
                    throw new SchemaException(source + ": " + at + ": neither \"*\" (the attribute) nor a value of attribute '" + name + "'");
                }
                if (!e.getValue().isObject()) {
                    throw new SchemaException(source + ": " + at + ": must be an object of languages to lists of forms");
                }
                Map<String, List<String>> byLanguage = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> l : e.getValue().properties()) {
                    if (!l.getValue().isArray()) {
                        throw new SchemaException(source + ": " + at + "." + l.getKey() + ": must be a list of strings");
                    }
                    List<String> forms = new ArrayList<>();
                    for (JsonNode f : l.getValue()) {
                        if (!f.isTextual() || f.asText().isBlank()) {
                            throw new SchemaException(source + ": " + at + "." + l.getKey() + ": must be a list of non-blank strings");
                        }
                        forms.add(f.asText());
                    }
                    byLanguage.put(l.getKey(), List.copyOf(forms));
                }
                synonyms.put(e.getKey(), byLanguage);
            }
        }
        JsonNode fromData = node.get("domainFromData");
        if (fromData != null && !fromData.isBoolean()) {
            throw new SchemaException(source + ": " + path + ".domainFromData: must be true or false");
        }
        return new Attribute(name, kind, values, min, max, precision, unit, labels, description, valueLabels, synonyms,
                fromData != null && fromData.asBoolean());
    }

    private static CoherenceRule readRule(JsonNode node, String source, String path) {
        if (node == null || !node.isObject()) {
            throw new SchemaException(source + ": " + path + " must be an object");
        }
        String type = text(node, "type", source, path + ".type", true);
        return switch (type) {
            case "absent_when" -> new AbsentWhen(text(node, "attribute", source, path + ".attribute", true),
                    strings(node, "values", source, path), strings(node, "absent", source, path));
            case "present_only_with" -> new PresentOnlyWith(text(node, "attribute", source, path + ".attribute", true),
                    text(node, "requires", source, path + ".requires", true));
            default -> throw new SchemaException(source + ": " + path + ".type: unknown rule type '" + type
                    + "' (expected absent_when or present_only_with)");
        };
    }

    private static List<String> strings(JsonNode node, String field, String source, String path) {
        JsonNode list = node.get(field);
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new SchemaException(source + ": " + path + "." + field + ": must be a non-empty list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : list) {
            if (!v.isTextual()) {
                throw new SchemaException(source + ": " + path + "." + field + ": must be a non-empty list of strings");
            }
            out.add(v.asText());
        }
        return out;
    }

    private static LessOrEqualConstraint readConstraint(JsonNode node, String source, String path, Set<String> names) {
        if (node == null || !node.isObject()) {
            throw new SchemaException(source + ": " + path + " must be an object");
        }
        String type = text(node, "type", source, path + ".type", true);
        if (!"less_or_equal".equals(type)) {
            throw new SchemaException(source + ": " + path + ".type: unknown constraint type '" + type
                    + "' (expected less_or_equal)");
        }
        JsonNode attrs = node.get("attributes");
        if (attrs == null || !attrs.isArray() || attrs.size() != 2) {
            throw new SchemaException(source + ": " + path + ".attributes: must list exactly two attribute names");
        }
        for (int i = 0; i < 2; i++) {
            if (!names.contains(attrs.get(i).asText())) {
                throw new SchemaException(source + ": " + path + ".attributes[" + i + "]: unknown attribute '"
                        + attrs.get(i).asText() + "'");
            }
        }
        return new LessOrEqualConstraint(attrs.get(0).asText(), attrs.get(1).asText());
    }

    private static String text(JsonNode node, String field, String source, String path, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new SchemaException(source + ": " + path + ": required field is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new SchemaException(source + ": " + path + ": must be a string");
        }
        return value.asText();
    }

    /** A date ("yyyy-MM-dd" unless a format is given) or a date-time ("yyyy-MM-dd HH:mm:ss"); bounds are dates in that form. */
    private static Attribute date(JsonNode node, String name, String kindText, String source, String path) {
        for (String field : List.of("values", "precision", "unit", "valueLabels", "synonyms", "labels")) {
            if (node.has(field)) {
                throw new SchemaException(source + ": " + path + "." + field + ": a " + kindText + " attribute has no " + field
                        + " (dates are modelled in tables, never stated in reports)");
            }
        }
        String pattern = node.has("format") ? text(node, "format", source, path + ".format", true)
                : DATE.equals(kindText) ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss";
        CalendarFormat calendar;
        try {
            calendar = new CalendarFormat(pattern);
        } catch (SchemaException e) {
            throw new SchemaException(source + ": " + path + ".format: " + e.getMessage());
        }
        if (calendar.hasTime() != DATETIME.equals(kindText)) {
            throw new SchemaException(source + ": " + path + ".format: '" + pattern + "' " + (calendar.hasTime()
                    ? "has a time of day: the kind is datetime" : "has no time of day (HH): the kind is date"));
        }
        Double min = dateBound(node, "min", calendar, source, path);
        Double max = dateBound(node, "max", calendar, source, path);
        if (min != null && max != null && min > max) {
            throw new SchemaException(source + ": " + path + ": empty domain, min " + calendar.toText(min) + " after max " + calendar.toText(max));
        }
        JsonNode fromData = node.get("domainFromData");
        if (fromData != null && !fromData.isBoolean()) {
            throw new SchemaException(source + ": " + path + ".domainFromData: must be true or false");
        }
        return Attribute.date(name, calendar, min, max, text(node, "description", source, path + ".description", false),
                fromData != null && fromData.asBoolean());
    }

    private static Double dateBound(JsonNode node, String field, CalendarFormat calendar, String source, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || !calendar.reads(value.asText())) {
            throw new SchemaException(source + ": " + path + "." + field + ": must be a date written " + calendar.pattern());
        }
        return calendar.toNumber(value.asText());
    }

    private static Double number(JsonNode node, String field, String source, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new SchemaException(source + ": " + path + ": must be a number");
        }
        return value.asDouble();
    }

    private static Map<String, String> stringMap(JsonNode node, String source, String path) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return map;
        }
        if (!node.isObject()) {
            throw new SchemaException(source + ": " + path + ": must be an object of language -> text");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isTextual()) {
                throw new SchemaException(source + ": " + path + "." + e.getKey() + ": must be a string");
            }
            map.put(e.getKey(), e.getValue().asText());
        }
        return map;
    }

    static String write(Schema schema) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", schema.name());
        root.put("description", schema.description());
        ArrayNode attributes = root.putArray("attributes");
        for (Attribute a : schema.attributes()) {
            ObjectNode n = attributes.addObject();
            n.put("name", a.name());
            if (a.isDate()) {
                n.put("kind", a.calendar().hasTime() ? DATETIME : DATE);
                n.put("format", a.calendar().pattern());
                if (a.min() != null) {
                    n.put("min", a.calendar().toText(a.min()));
                }
                if (a.max() != null) {
                    n.put("max", a.calendar().toText(a.max()));
                }
                if (!a.description().isEmpty()) {
                    n.put("description", a.description());
                }
                if (a.domainFromData()) {
                    n.put("domainFromData", true);
                }
                continue;
            }
            n.put("kind", a.kind().jsonName());
            if (a.kind() == AttributeKind.CATEGORICAL || a.kind() == AttributeKind.ORDINAL) {
                ArrayNode values = n.putArray("values");
                a.values().forEach(values::add);
            }
            if (a.min() != null) {
                n.put("min", a.min());
            }
            if (a.max() != null) {
                n.put("max", a.max());
            }
            if (a.precision() != null) {
                n.put("precision", a.precision());
            }
            if (a.unit() != null) {
                n.put("unit", a.unit());
            }
            if (!a.labels().isEmpty()) {
                n.set("labels", MAPPER.valueToTree(new java.util.TreeMap<>(a.labels())));
            }
            if (!a.description().isEmpty()) {
                n.put("description", a.description());
            }
            if (!a.valueLabels().isEmpty()) {
                ObjectNode vl = n.putObject("valueLabels");
                List<String> order = a.values();
                for (String value : order) {
                    Map<String, String> labels = a.valueLabels().get(value);
                    if (labels != null) {
                        vl.set(value, MAPPER.valueToTree(new java.util.TreeMap<>(labels)));
                    }
                }
            }
            if (!a.synonyms().isEmpty()) {
                ObjectNode sy = n.putObject("synonyms");
                java.util.List<String> keys = new ArrayList<>();
                keys.add(Attribute.LABEL);
                keys.addAll(a.values());
                for (String key : keys) {
                    Map<String, List<String>> forms = a.synonyms().get(key);
                    if (forms != null) {
                        sy.set(key, MAPPER.valueToTree(new java.util.TreeMap<>(forms)));
                    }
                }
            }
            if (a.domainFromData()) {
                n.put("domainFromData", true);
            }
        }
        if (!schema.constraints().isEmpty()) {
            ArrayNode constraints = root.putArray("constraints");
            for (LessOrEqualConstraint c : schema.constraints()) {
                ObjectNode n = constraints.addObject();
                n.put("type", "less_or_equal");
                n.putArray("attributes").add(c.lesser()).add(c.greater());
            }
        }
        if (!schema.rules().isEmpty()) {
            ArrayNode rules = root.putArray("rules");
            for (CoherenceRule rule : schema.rules()) {
                ObjectNode n = rules.addObject();
                if (rule instanceof AbsentWhen w) {
                    n.put("type", "absent_when").put("attribute", w.attribute());
                    w.values().forEach(n.putArray("values")::add);
                    w.absent().forEach(n.putArray("absent")::add);
                } else if (rule instanceof PresentOnlyWith p) {
                    n.put("type", "present_only_with").put("attribute", p.attribute()).put("requires", p.requires());
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
