package io.mapper.spring.data.repository;

/** The repository of {@link AuditedEntity}. */
public interface AuditedEntityRepository extends MapperRepository<AuditedEntity, Long> {
}
