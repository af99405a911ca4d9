package org.pathosynth.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AttributeTest {
    private final Schema schema = Schema.breastCancer();

    @Test
    void parsesEveryKindIntoItsJavaType() {
        assertThat(schema.attribute("test_used_for_diagnosis").parse("biopsy")).isEqualTo("biopsy");
        assertThat(schema.attribute("sbr_grade").parse(" 2 ")).isEqualTo("2");
        assertThat(schema.attribute("clear_margins").parse("yes")).isEqualTo(true);
        assertThat(schema.attribute("clear_margins").parse("FALSE")).isEqualTo(false);
        assertThat(schema.attribute("lymph_nodes_taken").parse("12")).isEqualTo(12);
        assertThat(schema.attribute("lymph_nodes_taken").parse("12.0")).isEqualTo(12);
        assertThat(schema.attribute("tumor_size_mm").parse("22.54")).isEqualTo(23.0);
        assertThat(schema.attribute("ki67_percent").parse("")).isNull();
    }

    @Test
    void rejectsValuesOutsideTheDomainWithTheExpectation() {
        assertThatThrownBy(() -> schema.attribute("lymph_nodes_taken").parse("abc"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("attribute 'lymph_nodes_taken': invalid value (hidden; --show-values shows it); expected an integer in [0, 100]")
                .satisfies(e -> assertThat(((InvalidValueException) e).message(true))
                        .isEqualTo("attribute 'lymph_nodes_taken': invalid value 'abc'; expected an integer in [0, 100]"));
        assertThatThrownBy(() -> schema.attribute("lymph_nodes_taken").parse("2.5"))
                .hasMessageContaining("expected an integer");
        assertThatThrownBy(() -> schema.attribute("clear_margins").parse("maybe"))
                .hasMessageNotContaining("maybe").hasMessageContaining("expected yes or no")
                .satisfies(e -> assertThat(((InvalidValueException) e).message(true)).contains("invalid value 'maybe'"));
        assertThatThrownBy(() -> schema.attribute("ki67_percent").parse("120"))
                .hasMessageContaining("expected a number in [0, 100] %");
        assertThatThrownBy(() -> schema.attribute("er_status").parse("weak"))
                .hasMessageContaining("expected one of [positive, negative]");
        assertThatThrownBy(() -> schema.attribute("tumor_size_mm").parse("NaN"))
                .hasMessageContaining("expected a number");
    }

    @Test
    void formatsCanonically() {
        assertThat(schema.attribute("tumor_size_mm").format(22.0)).isEqualTo("22");
        assertThat(schema.attribute("tumor_size_mm").format(22.5)).isEqualTo("22.5");
        assertThat(schema.attribute("clear_margins").format(true)).isEqualTo("yes");
        assertThat(schema.attribute("lymph_nodes_taken").format(null)).isEmpty();
    }

    @Test
    void roundsToPrecisionAndIntegersToWholeNumbers() {
        Attribute size = schema.attribute("tumor_size_mm");
        assertThat(size.precision()).isNotNull();
        assertThat(size.round(22.04)).isEqualTo(java.math.BigDecimal.valueOf(22.04)
                .setScale(size.precision(), java.math.RoundingMode.HALF_EVEN).doubleValue());
        Attribute nodes = schema.attribute("lymph_nodes_taken");
        assertThat(nodes.round(3.4)).isEqualTo(3.0);
        assertThat(nodes.round(3.6)).isEqualTo(4.0);
        assertThat(nodes.round(2.5)).isEqualTo(2.0); // ties to even
        assertThat(nodes.round(Double.NaN)).isNaN();
    }
}
