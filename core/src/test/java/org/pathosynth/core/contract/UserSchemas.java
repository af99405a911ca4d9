package org.pathosynth.core.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.pathosynth.core.schema.Schema;

/** Schemas as users edit them, for tests of "any schema, no code". */
public final class UserSchemas {
    private UserSchemas() {
    }

    /** The bundled breast-cancer schema file with one attribute added: laterality (left, right). */
    public static Schema breastCancerWithLaterality() {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = Schema.class.getResourceAsStream("/org/pathosynth/core/schema/breast-cancer.json")) {
            ObjectNode root = (ObjectNode) json.readTree(in);
            root.put("name", "breast-cancer-laterality");
            ((ArrayNode) root.get("attributes")).add(json.readTree("""
                    {"name": "laterality", "kind": "categorical", "values": ["left", "right"],
                     "labels": {"fr": "Latéralité", "en": "Laterality"},
                     "valueLabels": {"left": {"fr": "gauche", "en": "left"}, "right": {"fr": "droit", "en": "right"}}}"""));
            return Schema.fromJson(json.writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
