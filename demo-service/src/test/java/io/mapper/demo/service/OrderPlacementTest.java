package io.mapper.demo.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

import io.mapper.exception.IntegrityException;
import io.mapper.exception.OperationalException;
import io.mapper.orm.StaleDataException;

/** Which failures of an order attempt are races worth retrying, and which are the request's own fault. */
class OrderPlacementTest {

    @Test
    void lostRacesAreRetried() {
        assertThat(OrderPlacement.isRace(new StaleDataException("product 1 changed"))).isTrue();
        assertThat(OrderPlacement.isRace(new OperationalException("database is locked", null, List.of(), null, 5,
                null))).isTrue();
        assertThat(OrderPlacement.isRace(new CannotAcquireLockException("deadlock"))).isTrue();
        assertThat(OrderPlacement.isRace(new IllegalStateException("commit failed",
                new StaleDataException("product 1 changed")))).isTrue();
    }

    @Test
    void theRequestsOwnFaultsAreNot() {
        assertThat(OrderPlacement.isRace(new InsufficientStockException(1, "PAN-24", 3, 2))).isFalse();
        assertThat(OrderPlacement.isRace(new NotFoundException("Product", 9))).isFalse();
        assertThat(OrderPlacement.isRace(new IntegrityException("unique", null, List.of(), "23505", 0, null)))
                .isFalse();
        assertThat(OrderPlacement.isRace(new DataIntegrityViolationException("fk"))).isFalse();
    }
}
