package org.pathosynth.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarFormatTest {
    @Test
    void aDateIsDaysAndADateTimeSecondsSince1970() {
        assertThat(new CalendarFormat("yyyy-MM-dd").toNumber("1970-01-11")).isEqualTo(10.0);
        assertThat(new CalendarFormat("dd/MM/yyyy").toNumber("01/01/1969")).isEqualTo(-365.0);
        assertThat(new CalendarFormat("yyyy-MM-dd HH:mm").toNumber("1970-01-01 01:30")).isEqualTo(5400.0);
        assertThat(new CalendarFormat("dd/MM/yyyy").toText(10.4)).as("rounded to the whole day").isEqualTo("11/01/1970");
        assertThat(new CalendarFormat("yyyy-MM-dd'T'HH:mm:ss").toText(5400)).isEqualTo("1970-01-01T01:30:00");
        assertThat(new CalendarFormat("yyyy-MM-dd'T'HH:mm:ss").hasTime()).isTrue();
        assertThat(new CalendarFormat("dd/MM/yyyy").hasTime()).isFalse();
    }

    @Test
    void parsingIsStrict() {
        CalendarFormat f = new CalendarFormat("dd/MM/yyyy");
        assertThat(f.reads("29/02/2020")).isTrue();
        assertThat(f.reads("29/02/2019")).isFalse();
        assertThat(f.reads("31/04/2020")).isFalse();
        assertThat(f.reads("1/4/2020")).as("two digits each").isFalse();
        assertThat(f.reads(" 01/04/2020 ")).isTrue();
    }

    @Test
    void detectionPrefersIsoThenDayFirst() {
        assertThat(CalendarFormat.detect(List.of("2020-01-31", "2021-12-01")).pattern()).isEqualTo("yyyy-MM-dd");
        assertThat(CalendarFormat.detect(List.of("03/04/2020", "05/06/2020")).pattern()).isEqualTo("dd/MM/yyyy");
        assertThat(CalendarFormat.detect(List.of("03/04/2020", "05/26/2020")).pattern()).isEqualTo("MM/dd/yyyy");
        assertThat(CalendarFormat.detect(List.of("3/4/2020", "15/6/2020")).pattern()).isEqualTo("d/M/yyyy");
        assertThat(CalendarFormat.detect(List.of("03/04/2020 10:30", "05/06/2020 23:59")).pattern()).isEqualTo("dd/MM/yyyy HH:mm");
        assertThat(CalendarFormat.detect(List.of("2020-01-31", "31/01/2020"))).as("mixed forms").isNull();
    }

    @Test
    void aPatternWithoutADayIsRefused() {
        assertThatThrownBy(() -> new CalendarFormat("MM/yyyy")).isInstanceOf(SchemaException.class).hasMessageContaining("a day (dd)");
        assertThatThrownBy(() -> new CalendarFormat("dd/MM/yyyy {")).isInstanceOf(SchemaException.class);
    }
}
