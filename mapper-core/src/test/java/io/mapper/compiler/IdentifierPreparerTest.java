package io.mapper.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class IdentifierPreparerTest {

    private final IdentifierPreparer standard = new IdentifierPreparer();
    private final IdentifierPreparer backticks = new IdentifierPreparer("`", "`", Set.of("status"));

    @Test
    void plainLowerCaseNamesStayUnquoted() {
        assertThat(standard.quote("user_account")).isEqualTo("user_account");
        assertThat(standard.quote("col_1")).isEqualTo("col_1");
    }

    @Test
    void reservedMixedCaseAndOddNamesAreQuoted() {
        assertThat(standard.quote("order")).isEqualTo("\"order\"");
        assertThat(standard.quote("User")).isEqualTo("\"User\"");
        assertThat(standard.quote("1st")).isEqualTo("\"1st\"");
        assertThat(standard.quote("with space")).isEqualTo("\"with space\"");
        assertThat(backticks.quote("status")).isEqualTo("`status`");
    }

    @Test
    void embeddedQuotesAreDoubled() {
        assertThat(standard.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(backticks.quote("a`b")).isEqualTo("`a``b`");
    }
}
