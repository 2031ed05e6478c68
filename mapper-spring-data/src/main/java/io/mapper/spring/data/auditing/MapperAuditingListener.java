package io.mapper.spring.data.auditing;

import java.util.Objects;

import org.springframework.data.auditing.AuditingHandler;

import io.mapper.orm.SessionListener;

/**
 * Applies Spring Data auditing in mapper's flush: marks an object created before its INSERT and modified before
 * each UPDATE (the values it sets are written in the same statement). Objects without auditing annotations are left
 * alone. Thread-safe, like the {@link AuditingHandler} it uses.
 */
public final class MapperAuditingListener implements SessionListener {

    private final AuditingHandler handler;

    /** A listener applying {@code handler}. */
    public MapperAuditingListener(AuditingHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler must not be null");
    }

    @Override
    public void beforeInsert(Object entity) {
        handler.markCreated(entity);
    }

    @Override
    public void beforeUpdate(Object entity) {
        handler.markModified(entity);
    }
}
