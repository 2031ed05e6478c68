package io.mapper.spring.data.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import io.mapper.orm.Session;

/**
 * Spring Data auditing through {@code @EnableMapperAuditing}, on every backend. Mirrors Spring Data JDBC's
 * {@code EnableJdbcAuditingHsqlIntegrationTests} ({@code auditForAnnotatedEntity}, {@code noAnnotatedEntity}).
 */
class AuditingIT extends RepositoryBackendTest {

    private static final LocalDateTime CREATED = LocalDateTime.of(2024, 1, 1, 12, 0);
    private static final LocalDateTime MODIFIED = LocalDateTime.of(2024, 2, 2, 8, 30);

    @Test
    void auditForAnnotatedEntity() {
        runner.run(context -> {
            AuditedEntityRepository repository = context.getBean(AuditedEntityRepository.class);
            RepositoryTestApplication.AUDITOR.set("spongebob");
            RepositoryTestApplication.NOW.set(CREATED);
            AuditedEntity saved = repository.save(new AuditedEntity("first"));
            assertThat(saved.createdBy).isEqualTo("spongebob");
            assertThat(saved.createdDate).isEqualTo(CREATED);
            assertThat(saved.lastModifiedBy).isEqualTo("spongebob");
            assertThat(saved.lastModifiedDate).isEqualTo(CREATED);

            RepositoryTestApplication.AUDITOR.set("patrick");
            RepositoryTestApplication.NOW.set(MODIFIED);
            saved.name = "second";
            repository.save(saved);   // detached: merged, then UPDATEd with the audit columns
            AuditedEntity reloaded = repository.findById(saved.id).orElseThrow();
            assertThat(reloaded.name).isEqualTo("second");
            assertThat(reloaded.createdBy).isEqualTo("spongebob");
            assertThat(reloaded.createdDate).isEqualTo(CREATED);
            assertThat(reloaded.lastModifiedBy).isEqualTo("patrick");
            assertThat(reloaded.lastModifiedDate).isEqualTo(MODIFIED);
        });
    }

    @Test
    void auditingAppliesToTheSessionToo() {
        runner.run(context -> {
            Session session = context.getBean(Session.class);
            RepositoryTestApplication.AUDITOR.set("sandy");
            RepositoryTestApplication.NOW.set(CREATED);
            long id = transaction(context).execute(status -> {
                AuditedEntity entity = new AuditedEntity("via session");
                session.add(entity);
                session.flush();
                return entity.id;
            });
            AuditedEntity reloaded = context.getBean(AuditedEntityRepository.class).findById(id).orElseThrow();
            assertThat(reloaded.createdBy).isEqualTo("sandy");
            assertThat(reloaded.createdDate).isEqualTo(CREATED);
        });
    }

    @Test
    void noAnnotatedEntity() {
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            assertThat(repository.save(new DummyEntity("plain", "DE", 1)).getName()).isEqualTo("plain");
        });
    }
}
